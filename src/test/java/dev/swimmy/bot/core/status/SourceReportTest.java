package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.testing.StatusFixtures.NOW;
import static dev.swimmy.bot.testing.StatusFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.testing.StatusFixtures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceReportTest {
  private static final Duration STALE = Duration.ofSeconds(180);

  @Test
  void freshness_isOkUpToTheThresholdAndStaleBeyondIt() {
    assertThat(Freshness.assess(NOW.minusSeconds(180), NOW, STALE)).isEqualTo(SourceState.OK);
    assertThat(Freshness.assess(NOW.minusSeconds(181), NOW, STALE)).isEqualTo(SourceState.STALE);
  }

  @Test
  void freshness_flagsOwnTimeMoreThanThirtySecondsAhead() {
    assertThat(Freshness.assess(NOW.plusSeconds(30), NOW, STALE)).isEqualTo(SourceState.OK);
    assertThat(Freshness.assess(NOW.plusSeconds(31), NOW, STALE)).isEqualTo(SourceState.CLOCK_SKEW);
  }

  @Test
  void fixtures_getTheStateTheirNameSays() {
    assertThat(report(SourceId.LIVE_STATUS, "live_status/fresh.sexp").state()).isEqualTo(SourceState.OK);
    assertThat(report(SourceId.LIVE_STATUS, "live_status/stale-1h.sexp").state()).isEqualTo(SourceState.STALE);
    assertThat(report(SourceId.LIVE_STATUS, "live_status/future-clock-skew.sexp").state())
        .isEqualTo(SourceState.CLOCK_SKEW);
    assertThat(report(SourceId.LIVE_STATUS, "live_status/schema-v3.sexp").state())
        .isEqualTo(SourceState.SCHEMA_MISMATCH);
    assertThat(report(SourceId.LIVE_STATUS, "live_status/truncated.sexp").state())
        .isEqualTo(SourceState.PARSE_ERROR);
    assertThat(report(SourceId.SYSTEM_METRICS, "system_metrics/stale-2h.sexp").state())
        .isEqualTo(SourceState.STALE);
    assertThat(StatusFixtures.missing(SourceId.BACKTEST_CACHE, null).state()).isEqualTo(SourceState.MISSING);
  }

  @Test
  void parseFailureAfterAGoodRead_showsTheLastGoodWithItsAge() {
    SourceReport r = report(SourceId.LIVE_STATUS, "live_status/truncated.sexp", "live_status/stale-1h.sexp", false);
    assertThat(r.state()).isEqualTo(SourceState.PARSE_ERROR);
    assertThat(r.shownIsLastGood()).isTrue();
    assertThat(r.shown().ownTime()).isEqualTo(Instant.parse("2026-02-11T02:18:19Z"));
    assertThat(r.age()).contains(Duration.ofHours(1));
    assertThat(r.shownIsStale()).isTrue();
  }

  @Test
  void parseFailureWithoutAGoodRead_showsNothing() {
    SourceReport r = report(SourceId.LIVE_STATUS, "live_status/garbage.sexp");
    assertThat(r.snapshot()).isEmpty();
    assertThat(r.age()).isEmpty();
  }

  @Test
  void worstState_ofTheBoardSetsItsColour() {
    StatusBoard b = new StatusBoard(
        report(SourceId.LIVE_STATUS, "live_status/fresh.sexp"),
        report(SourceId.SYSTEM_METRICS, "system_metrics/stale-2h.sexp"),
        report(SourceId.BACKTEST_CACHE, "backtest_cache/small.sexp"),
        NOW);
    assertThat(b.worst()).isEqualTo(SourceState.STALE);
  }
}
