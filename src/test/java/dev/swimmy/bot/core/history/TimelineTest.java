package dev.swimmy.bot.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.SourceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final Duration STALE = Duration.ofSeconds(180);
  private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z"); // a Wednesday
  private static final Interval HOUR6 = new Interval(T0, T0.plus(Duration.ofHours(6)));

  private static List<Point> everyMinute(Instant from, Instant to) {
    List<Point> out = new ArrayList<>();
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      out.add(new Point(t, t.getEpochSecond() % 1000));
    }
    return out;
  }

  @Test
  void aSilenceLongerThanTheStaleThresholdBreaksTheLineAndIsAGap() {
    List<Point> pts = new ArrayList<>(everyMinute(T0, T0.plusSeconds(3600)));
    pts.addAll(everyMinute(T0.plusSeconds(7200), HOUR6.to()));
    Timeline t = Timeline.build(pts, List.of(), HOUR6, STALE, MarketHours.always(), HOUR6.to());

    assertThat(t.segments()).hasSize(2);
    assertThat(t.segments().get(0).get(t.segments().get(0).size() - 1).at()).isEqualTo(T0.plusSeconds(3540));
    assertThat(t.segments().get(1).get(0).at()).isEqualTo(T0.plusSeconds(7200));
    assertThat(t.gaps()).containsExactly(new Interval(T0.plusSeconds(3540), T0.plusSeconds(7200)));
    assertThat(t.closed()).isEmpty();
  }

  @Test
  void aSilenceNoLongerThanTheThresholdDoesNotBreakTheLine() {
    List<Point> pts = List.of(new Point(T0, 1), new Point(T0.plus(STALE), 2), new Point(T0.plus(STALE).plusSeconds(60), 3));
    Timeline t = Timeline.build(pts, List.of(), new Interval(T0, T0.plusSeconds(300)), STALE,
        MarketHours.always(), T0.plusSeconds(300));
    assertThat(t.segments()).hasSize(1);
    assertThat(t.gaps()).isEmpty();
  }

  @Test
  void aRecordedStalePeriodBreaksTheLineEvenBetweenClosePoints() {
    List<Point> pts = everyMinute(T0, HOUR6.to());
    Instant staleAt = T0.plusSeconds(3630);
    List<SourceChange> changes = List.of(new SourceChange(T0.minusSeconds(10), SourceState.OK),
        new SourceChange(staleAt, SourceState.MISSING), new SourceChange(staleAt.plusSeconds(400), SourceState.OK));
    Timeline t = Timeline.build(pts, changes, HOUR6, STALE, MarketHours.always(), HOUR6.to());

    assertThat(t.segments()).hasSizeGreaterThan(1);
    for (List<Point> seg : t.segments()) { // no line crosses the moment the file went missing
      Interval drawn = new Interval(seg.get(0).at(), seg.get(seg.size() - 1).at());
      assertThat(drawn.contains(staleAt)).isFalse();
    }
    assertThat(t.gaps()).anySatisfy(g -> assertThat(g.contains(staleAt.plusSeconds(200))).isTrue());
  }

  @Test
  void aStateBeforeTheWindowCarriesIntoIt() {
    List<SourceChange> changes = List.of(new SourceChange(T0.minusSeconds(3600), SourceState.STALE),
        new SourceChange(T0.plusSeconds(1800), SourceState.OK));
    assertThat(Timeline.recordedGaps(changes, HOUR6)).containsExactly(new Interval(T0, T0.plusSeconds(1800)));
  }

  @Test
  void theTimeAfterTheLastPointIsAGapOnlyUpToNow() {
    List<Point> pts = everyMinute(T0, T0.plusSeconds(3600));
    Instant now = T0.plusSeconds(3 * 3600);
    Timeline t = Timeline.build(pts, List.of(), HOUR6, STALE, MarketHours.always(), now);
    assertThat(t.gaps()).containsExactly(new Interval(T0.plusSeconds(3540), now));
  }

  @Test
  void aWeekendIsShadedClosedAndNotCountedAsAGap() {
    // FX closes Friday 17:00 New York (22:00 UTC in November) and opens Sunday 17:00.
    Interval week = new Interval(Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));
    Instant close = Instant.parse("2026-11-27T22:00:00Z");
    Instant open = Instant.parse("2026-11-29T22:00:00Z");
    List<Point> pts = new ArrayList<>(everyMinute(week.from(), close));
    pts.addAll(everyMinute(open, week.to()));
    Timeline t = Timeline.build(pts, List.of(), week, STALE, MarketHours.fx(), week.to());

    assertThat(t.closed()).containsExactly(new Interval(close, open));
    assertThat(t.gaps()).isEmpty();
    assertThat(t.segments()).hasSize(2); // no line across the weekend either
  }

  @Test
  void pointsOutsideTheWindowAreLeftOut() {
    List<Point> pts = List.of(new Point(T0.minusSeconds(1), 5), new Point(T0, 1), new Point(HOUR6.to(), 9));
    Timeline t = Timeline.build(pts, List.of(), new Interval(T0, HOUR6.to()), STALE, MarketHours.always(), T0);
    assertThat(t.points()).containsExactly(new Point(T0, 1));
  }
}
