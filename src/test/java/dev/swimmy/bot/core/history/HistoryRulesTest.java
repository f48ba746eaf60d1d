package dev.swimmy.bot.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.status.MarketHours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules: the JST day and month, relay minutes from counters, retention, downsampling. */
class HistoryRulesTest {

  @Test
  void theTradingDayIsTheJstCalendarDay() {
    // 15:30 UTC is 00:30 JST the next day.
    Interval d = TradingDay.dayOf(Instant.parse("2026-11-27T15:30:00Z"));
    assertThat(d).isEqualTo(new Interval(Instant.parse("2026-11-27T15:00:00Z"), Instant.parse("2026-11-28T15:00:00Z")));
    assertThat(TradingDay.dayOf(Instant.parse("2026-11-27T14:59:59Z")).to()).isEqualTo(d.from());
  }

  @Test
  void monthToDateStartsAtTheJstMonthsFirstMidnight() {
    Instant now = Instant.parse("2026-11-30T16:00:00Z"); // 2026-12-01 01:00 JST
    assertThat(TradingDay.monthToDate(now)).isEqualTo(new Interval(Instant.parse("2026-11-30T15:00:00Z"), now));
    assertThat(TradingDay.monthOf(Instant.parse("2026-11-15T00:00:00Z")))
        .isEqualTo(new Interval(Instant.parse("2026-10-31T15:00:00Z"), Instant.parse("2026-11-30T15:00:00Z")));
  }

  @Test
  void aRelayMinuteCountsSinceTheSampleBefore() {
    var before = new RelayMinute.Counters(Instant.parse("2026-11-27T10:00:00Z"), 100, 5, 3, 800L);
    var now = new RelayMinute.Counters(Instant.parse("2026-11-27T10:01:00Z"), 130, 7, 1, 950L);
    assertThat(RelayMinute.between(before, now))
        .isEqualTo(new RelayMinute(Instant.parse("2026-11-27T10:00:00Z"), 30, 2, 1, 950L));
  }

  @Test
  void afterARestartTheCountersStartAgainAndTheNewTotalIsTheMinutesCount() {
    var before = new RelayMinute.Counters(Instant.parse("2026-11-27T10:00:00Z"), 100, 5, 3, 800L);
    var now = new RelayMinute.Counters(Instant.parse("2026-11-27T10:01:30Z"), 4, 0, 0, null);
    assertThat(RelayMinute.between(before, now))
        .isEqualTo(new RelayMinute(Instant.parse("2026-11-27T10:01:00Z"), 4, 0, 0, null));
    assertThat(RelayMinute.between(null, now).delivered()).isEqualTo(4);
  }

  @Test
  void aSampleJustAfterAWholeMinuteCountsTheMinuteBefore() {
    var now = new RelayMinute.Counters(Instant.parse("2026-11-27T10:01:00.200Z"), 1, 0, 0, null);
    assertThat(RelayMinute.between(null, now).minute()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void aRelayMinuteMustBeAWholeMinute() {
    assertThatThrownBy(() -> new RelayMinute(Instant.parse("2026-11-27T10:00:01Z"), 0, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retentionCutsAtTheConfiguredAgeAndCapsRows() {
    Retention r = new Retention(Duration.ofDays(90), 1000);
    assertThat(r.cutoff(Instant.parse("2026-11-29T00:00:00Z"))).isEqualTo(Instant.parse("2026-08-31T00:00:00Z"));
    assertThat(r.excess(999)).isZero();
    assertThat(r.excess(1500)).isEqualTo(500);
    assertThat(Retention.defaults().keep()).isEqualTo(Duration.ofDays(90));
    assertThatThrownBy(() -> new Retention(Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void downsamplingKeepsEveryBucketsExtremesAndTheEnds() {
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    Interval month = new Interval(t0, t0.plus(Duration.ofDays(30)));
    List<Point> pts = new ArrayList<>();
    for (int i = 0; i < 43_200; i++) {
      pts.add(new Point(t0.plusSeconds(60L * i), Math.sin(i / 500.0) * 1000 + (i == 20_000 ? 50_000 : 0)));
    }
    List<Point> few = Downsample.minMax(pts, month, 400);
    assertThat(few.size()).isLessThanOrEqualTo(802);
    assertThat(few).contains(pts.get(0), pts.get(pts.size() - 1), pts.get(20_000));
    assertThat(few).isSortedAccordingTo(java.util.Comparator.comparing(Point::at));
    assertThat(Downsample.minMax(pts.subList(0, 100), month, 400)).isEqualTo(pts.subList(0, 100));
  }

  @Test
  void closedStretchesOfAWindowFollowTheCalendar() {
    Interval twoWeeks = new Interval(Instant.parse("2026-11-16T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
    assertThat(MarketClosed.within(MarketHours.fx(), twoWeeks)).containsExactly(
        new Interval(Instant.parse("2026-11-20T22:00:00Z"), Instant.parse("2026-11-22T22:00:00Z")),
        new Interval(Instant.parse("2026-11-27T22:00:00Z"), Instant.parse("2026-11-29T22:00:00Z")));
    assertThat(MarketClosed.within(MarketHours.always(), twoWeeks)).isEmpty();
  }
}
