package dev.swimmy.bot.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.testing.InMemoryHistory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChartPlansTest {
  private static final Duration STALE = Duration.ofSeconds(180);
  /** Wednesday 2026-11-25, 00:00 JST. */
  private static final Instant DAY = Instant.parse("2026-11-24T15:00:00Z");

  private static StatusVersion version(Instant at, double daily, double acc, Double goal) {
    return new StatusVersion(at, daily, acc, goal, null, "TREND", "HIGH", 1L, 10L);
  }

  private static InMemoryHistory morning() {
    InMemoryHistory h = new InMemoryHistory();
    for (int m = 0; m < 240; m++) {
      double pnl = m == 100 ? 900 : m == 200 ? -300 : m;
      h.add(version(DAY.plusSeconds(60L * m), pnl, 1000 + m, 100_000.0));
    }
    return h;
  }

  @Test
  void todayHasTheDaysHighAndLow() {
    ChartPlans plans = new ChartPlans(morning(), MarketHours.always(), STALE);
    var day = plans.pnlToday(DAY.plusSeconds(4 * 3600)).orElseThrow();
    assertThat(day.high()).isEqualTo(new Point(DAY.plusSeconds(6000), 900));
    assertThat(day.low()).isEqualTo(new Point(DAY.plusSeconds(12_000), -300));
    assertThat(day.pnl().window()).isEqualTo(TradingDay.dayOf(DAY));
  }

  @Test
  void nothingToDrawBeforeTheFirstVersionOfTheDay() {
    InMemoryHistory h = new InMemoryHistory().add(version(DAY.minusSeconds(60), 5, 5, null));
    ChartPlans plans = new ChartPlans(h, MarketHours.always(), STALE);
    assertThat(plans.pnlToday(DAY.plusSeconds(60))).isEmpty();
    assertThat(plans.relay24h(DAY)).isEmpty();
  }

  @Test
  void theKeyChangesExactlyWhenTheDrawnDataChanges() {
    InMemoryHistory h = morning();
    ChartPlans plans = new ChartPlans(h, MarketHours.always(), STALE);
    Instant now = DAY.plusSeconds(239 * 60 + 10);
    String k1 = plans.pnlToday(now).orElseThrow().key();
    assertThat(plans.pnlToday(now.plusSeconds(30)).orElseThrow().key()).as("same data, later").isEqualTo(k1);
    assertThat(plans.pnlToday(now.plusSeconds(100)).orElseThrow().key()).as("next minute, still fresh").isEqualTo(k1);

    h.add(version(DAY.plusSeconds(240 * 60), 250, 1240, 100_000.0));
    String k2 = plans.pnlToday(now.plusSeconds(100)).orElseThrow().key();
    assertThat(k2).as("a new version").isNotEqualTo(k1);

    String k3 = plans.pnlToday(now.plusSeconds(20 * 60)).orElseThrow().key();
    assertThat(k3).as("the source went silent: a gap is drawn").isNotEqualTo(k2);
    h.add(new SourceChange(now.plusSeconds(300), SourceState.STALE));
    assertThat(plans.pnlToday(now.plusSeconds(20 * 60)).orElseThrow().key()).as("silence already drawn").isEqualTo(k3);
  }

  @Test
  void theMonthIsAccumulatedPnlAgainstTheLatestGoal() {
    InMemoryHistory h = morning();
    h.add(version(DAY.plusSeconds(240 * 60), 1, 5000, 120_000.0));
    var month = new ChartPlans(h, MarketHours.always(), STALE).pnlMonth(DAY.plusSeconds(5 * 3600)).orElseThrow();
    assertThat(month.goal()).isEqualTo(120_000.0);
    assertThat(month.last()).isEqualTo(new Point(DAY.plusSeconds(240 * 60), 5000));
    assertThat(month.accumulated().window()).isEqualTo(TradingDay.monthOf(DAY));
    assertThat(month.accumulated().gaps()).as("no history before the first version; silence since the last")
        .containsExactly(new Interval(TradingDay.monthOf(DAY).from(), DAY),
            new Interval(DAY.plusSeconds(240 * 60), DAY.plusSeconds(5 * 3600)));
  }

  @Test
  void relayMinutesMissingForMoreThanTwoMinutesAreAGap() {
    InMemoryHistory h = new InMemoryHistory();
    Instant now = DAY.plusSeconds(24 * 3600);
    Instant start = now.minus(Duration.ofHours(24));
    for (int m = 0; m < 24 * 60; m++) {
      if (m < 600 || m >= 660) {
        h.add(new RelayMinute(start.plusSeconds(60L * m), 3, m % 7 == 0 ? 1 : 0, 0, 420L));
      }
    }
    var relay = new ChartPlans(h, MarketHours.always(), STALE).relay24h(now).orElseThrow();
    assertThat(relay.window()).isEqualTo(new Interval(start, now));
    assertThat(relay.gaps()).containsExactly(new Interval(start.plusSeconds(600 * 60), start.plusSeconds(660 * 60)));
    assertThat(relay.minutes()).hasSize(24 * 60 - 60);
  }
}
