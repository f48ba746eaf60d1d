package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.status.LastGood;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.ReadOutcome;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.StatusDecoder;
import java.time.Duration;
import java.time.Instant;

/** Status fixtures decoded and judged at the fixtures' fixed "now", for core tests. */
public final class StatusFixtures {
  /** 2026-02-11 12:18:19 JST, the "now" of the fixture set. */
  public static final Instant NOW = Instant.ofEpochSecond(1_770_779_899L);
  /** An mtime for files whose own time is their mtime: 2026-02-10 09:00:00 JST. */
  public static final Instant MTIME = Instant.parse("2026-02-10T00:00:00Z");
  public static final StatusDecoder DECODER = new StatusDecoder(SexpLimits.DEFAULT);

  private StatusFixtures() {}

  public static int schema(SourceId id) {
    return id == SourceId.LIVE_STATUS ? 2 : 1;
  }

  public static Duration staleAfter(SourceId id) {
    return switch (id) {
      case LIVE_STATUS -> Duration.ofSeconds(180);
      case SYSTEM_METRICS -> Duration.ofSeconds(300);
      case BACKTEST_CACHE -> Duration.ofHours(26);
    };
  }

  public static ReadOutcome outcome(SourceId id, String fixture) {
    return DECODER.decode(id, Fixtures.bytes(fixture), schema(id), MTIME);
  }

  public static Snapshot snapshot(SourceId id, String fixture) {
    return ((ReadOutcome.Good) outcome(id, fixture)).snapshot();
  }

  /** The report for a fixture with no last good snapshot. */
  public static SourceReport report(SourceId id, String fixture) {
    return SourceReport.decide(id, outcome(id, fixture), null, NOW, staleAfter(id));
  }

  /** The report for a fixture after {@code lastGoodFixture} was read well. */
  public static SourceReport report(SourceId id, String fixture, String lastGoodFixture, boolean fromDisk) {
    LastGood lg = new LastGood(snapshot(id, lastGoodFixture), fromDisk);
    return SourceReport.decide(id, outcome(id, fixture), lg, NOW, staleAfter(id));
  }

  /** A missing file, required or not as the config's defaults say (system metrics are optional). */
  public static SourceReport missing(SourceId id, String lastGoodFixture) {
    return missing(id, lastGoodFixture, id != SourceId.SYSTEM_METRICS);
  }

  public static SourceReport missing(SourceId id, String lastGoodFixture, boolean required) {
    ReadOutcome gone = new ReadOutcome.Bad(new dev.swimmy.bot.core.status.Issue.Missing(id.key().replace('-', '_') + ".sexp"));
    LastGood lg = lastGoodFixture == null ? null : new LastGood(snapshot(id, lastGoodFixture), false);
    return SourceReport.decide(id, gone, lg, NOW, staleAfter(id), required, MarketHours.always());
  }
}
