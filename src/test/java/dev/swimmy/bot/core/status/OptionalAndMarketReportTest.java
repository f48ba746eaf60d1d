package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.core.status.MarketHoursTest.ny;
import static dev.swimmy.bot.testing.StatusFixtures.NOW;
import static dev.swimmy.bot.testing.StatusFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.testing.StatusFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reports of optional sources and of a live status under the FX calendar; the dead-man rule. */
class OptionalAndMarketReportTest {
  private static final Duration STALE = Duration.ofSeconds(180);
  private static final ReadOutcome GONE = new ReadOutcome.Bad(new Issue.Missing("system_metrics.sexp"));

  private static ReadOutcome liveWrittenAt(Instant t) {
    Snapshot.LiveStatus s = new Snapshot.LiveStatus(2, t, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, Map.of());
    return new ReadOutcome.Good(s);
  }

  @Test
  void anOptionalSourceThatIsMissing_isNotWrittenAndShowsNothing() {
    LastGood old = new LastGood(StatusFixtures.snapshot(SourceId.SYSTEM_METRICS, "system_metrics/typical.sexp"), true);
    SourceReport r = SourceReport.decide(SourceId.SYSTEM_METRICS, GONE, old, NOW, STALE, false,
        MarketHours.always());
    assertThat(r.state()).isEqualTo(SourceState.NOT_WRITTEN);
    assertThat(r.state().isProblem()).isFalse();
    assertThat(r.snapshot()).isEmpty();
    assertThat(r.isDeadMan()).isFalse();
  }

  @Test
  void aRequiredSourceThatIsMissing_isMissingAndADeadMan() {
    SourceReport r = SourceReport.decide(SourceId.SYSTEM_METRICS, GONE, null, NOW, STALE, true,
        MarketHours.always());
    assertThat(r.state()).isEqualTo(SourceState.MISSING);
    assertThat(r.isDeadMan()).isTrue();
  }

  @Test
  void anOptionalSourceThatIsThereButBroken_isStillAProblem() {
    ReadOutcome broken = StatusFixtures.outcome(SourceId.SYSTEM_METRICS, "system_metrics/schema-v2.sexp");
    SourceReport r = SourceReport.decide(SourceId.SYSTEM_METRICS, broken, null, NOW, STALE, false,
        MarketHours.always());
    assertThat(r.state()).isEqualTo(SourceState.SCHEMA_MISMATCH);
  }

  @Test
  void liveStatusOverTheWeekend_isMarketClosedWithTheReopening() {
    SourceReport r = SourceReport.decide(SourceId.LIVE_STATUS, liveWrittenAt(ny("2026-11-27T16:59")),
        null, ny("2026-11-28T12:00"), STALE, true, MarketHours.fx());
    assertThat(r.state()).isEqualTo(SourceState.MARKET_CLOSED);
    assertThat(r.market().until()).isEqualTo(ny("2026-11-29T17:00"));
    assertThat(r.isDeadMan()).isFalse();
  }

  @Test
  void deadMan_isStaleOrMissingWhileTheMarketIsOpenOnly() {
    SourceReport weekendStale = SourceReport.decide(SourceId.LIVE_STATUS,
        liveWrittenAt(ny("2026-11-26T12:00")), null, ny("2026-11-28T12:00"), STALE, true, MarketHours.fx());
    assertThat(weekendStale.state()).isEqualTo(SourceState.STALE);
    assertThat(weekendStale.isDeadMan()).isFalse();
    SourceReport openStale = SourceReport.decide(SourceId.LIVE_STATUS,
        liveWrittenAt(ny("2026-11-27T16:59")), null, ny("2026-11-29T17:30"), STALE, true, MarketHours.fx());
    assertThat(openStale.state()).isEqualTo(SourceState.STALE);
    assertThat(openStale.isDeadMan()).isTrue();
    SourceReport justOpened = SourceReport.decide(SourceId.LIVE_STATUS,
        liveWrittenAt(ny("2026-11-27T16:59")), null, ny("2026-11-29T17:01"), STALE, true, MarketHours.fx());
    assertThat(justOpened.state()).isEqualTo(SourceState.OK);
    assertThat(justOpened.isDeadMan()).isFalse();
  }

  @Test
  void neutralStates_leaveTheBoardOk() {
    SourceReport closed = SourceReport.decide(SourceId.LIVE_STATUS, liveWrittenAt(ny("2026-11-27T16:59")),
        null, ny("2026-11-28T12:00"), STALE, true, MarketHours.fx());
    SourceReport notWritten = SourceReport.decide(SourceId.SYSTEM_METRICS, GONE, null,
        ny("2026-11-28T12:00"), STALE, false, MarketHours.always());
    SourceReport backtest = SourceReport.decide(SourceId.BACKTEST_CACHE,
        StatusFixtures.outcome(SourceId.BACKTEST_CACHE, "backtest_cache/small.sexp"), null,
        report(SourceId.BACKTEST_CACHE, "backtest_cache/small.sexp").shown().ownTime(), Duration.ofHours(26),
        true, MarketHours.always());
    StatusBoard b = new StatusBoard(closed, notWritten, backtest, ny("2026-11-28T12:00"));
    assertThat(b.worst()).isEqualTo(SourceState.OK);
  }
}
