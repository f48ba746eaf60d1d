package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.core.status.MarketHoursTest.ny;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Freshness of a live status judged by the FX calendar (stale after 180 s). */
class FreshnessTest {
  private static final Duration STALE_AFTER = Duration.ofSeconds(180);
  private static final MarketHours FX = MarketHours.fx();

  private static SourceState at(String written, String now) {
    return Freshness.assess(ny(written), ny(now), STALE_AFTER, FX);
  }

  @Test
  void writtenJustBeforeTheClose_isMarketClosedOnSaturday() {
    assertThat(at("2026-11-27T16:59", "2026-11-28T12:00")).isEqualTo(SourceState.MARKET_CLOSED);
  }

  @Test
  void writtenExactlyStaleAfterBeforeTheClose_isStillMarketClosed() {
    assertThat(at("2026-11-27T16:57", "2026-11-28T12:00")).isEqualTo(SourceState.MARKET_CLOSED);
    assertThat(Freshness.assess(ny("2026-11-27T16:57").minusSeconds(1), ny("2026-11-28T12:00"),
        STALE_AFTER, FX)).isEqualTo(SourceState.STALE);
  }

  @Test
  void writtenOnThursday_staysStaleOverTheWeekend() {
    assertThat(at("2026-11-26T12:00", "2026-11-28T12:00")).isEqualTo(SourceState.STALE);
  }

  @Test
  void afterTheOpen_stalenessCountsFromTheOpen() {
    assertThat(at("2026-11-27T16:59", "2026-11-29T17:01")).isEqualTo(SourceState.OK);
    assertThat(at("2026-11-27T16:59", "2026-11-29T17:03")).isEqualTo(SourceState.OK);
    assertThat(at("2026-11-27T16:59", "2026-11-29T17:04")).isEqualTo(SourceState.STALE);
    assertThat(at("2026-11-27T16:59", "2026-11-29T17:30")).isEqualTo(SourceState.STALE);
  }

  @Test
  void aFileAlreadyStaleAtTheClose_isStaleRightAfterTheOpen() {
    assertThat(at("2026-11-26T12:00", "2026-11-29T17:01")).isEqualTo(SourceState.STALE);
  }

  @Test
  void aFileWrittenAfterTheOpen_isJudgedByItsOwnTime() {
    assertThat(at("2026-11-29T17:05", "2026-11-29T17:07")).isEqualTo(SourceState.OK);
    assertThat(at("2026-11-29T17:05", "2026-11-29T17:09")).isEqualTo(SourceState.STALE);
  }

  @Test
  void midweek_isThePlainRule() {
    assertThat(at("2026-11-25T03:00", "2026-11-25T03:03")).isEqualTo(SourceState.OK);
    assertThat(at("2026-11-25T03:00", "2026-11-25T03:04")).isEqualTo(SourceState.STALE);
  }

  @Test
  void theFutureIsClockSkewEvenWhenClosed() {
    assertThat(at("2026-11-28T12:05", "2026-11-28T12:00")).isEqualTo(SourceState.CLOCK_SKEW);
  }

  @Test
  void acrossTheSpringForwardWeekend_theOpenIsAtEdt() {
    // Friday 2026-03-06 16:59 EST; the market opens Sunday 2026-03-08 17:00 EDT (21:00Z).
    assertThat(at("2026-03-06T16:59", "2026-03-08T16:59")).isEqualTo(SourceState.MARKET_CLOSED);
    assertThat(at("2026-03-06T16:59", "2026-03-08T17:02")).isEqualTo(SourceState.OK);
    assertThat(at("2026-03-06T16:59", "2026-03-08T17:04")).isEqualTo(SourceState.STALE);
  }

  @Test
  void aHoliday_isMarketClosedForAFileFreshAtMidnight() {
    MarketHours h = MarketHours.weekly(ZoneId.of("America/New_York"), DayOfWeek.SUNDAY,
        LocalTime.of(17, 0), DayOfWeek.FRIDAY, LocalTime.of(17, 0), Set.of(LocalDate.parse("2026-12-25")));
    assertThat(Freshness.assess(ny("2026-12-24T23:59"), ny("2026-12-25T10:00"), STALE_AFTER, h))
        .isEqualTo(SourceState.MARKET_CLOSED);
    assertThat(Freshness.assess(ny("2026-12-24T23:59"), ny("2026-12-25T10:00"), STALE_AFTER, FX))
        .isEqualTo(SourceState.STALE);
  }

  @Test
  void always_isThePlainRuleOnAWeekend() {
    assertThat(Freshness.assess(ny("2026-11-27T16:59"), ny("2026-11-28T12:00"), STALE_AFTER,
        MarketHours.always())).isEqualTo(SourceState.STALE);
  }
}
