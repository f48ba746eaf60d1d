package dev.swimmy.bot.core.history;

import dev.swimmy.bot.core.status.MarketHours;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What each chart draws, decided from the history as plain data: the window, the series broken
 * at its gaps, the shaded stretches, the marks, and the key of it all. The chart edge only paints
 * a plan; everything an operator reads off a chart is decided (and tested) here.
 *
 * <p>{@code now} is taken to the whole minute first, so a plan (and its key) changes at most once
 * a minute while nothing new is written.
 */
public final class ChartPlans {
  /** Points per segment a chart needs at most: two per pixel column of a wide chart. */
  static final int BUCKETS = 800;
  /** A relay minute missing for longer than this is a gap (the bot was not running). */
  static final Duration RELAY_STALE_AFTER = Duration.ofMinutes(2);

  private final HistoryReader history;
  private final MarketHours hours;
  private final Duration staleAfter;

  /**
   * @param staleAfter the live status's stale threshold ({@code status.live-status.stale-after})
   * @param hours the live status's market calendar ({@code status.market-hours})
   */
  public ChartPlans(HistoryReader history, MarketHours hours, Duration staleAfter) {
    this.history = Objects.requireNonNull(history, "history");
    this.hours = Objects.requireNonNull(hours, "hours");
    this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
  }

  /**
   * Today's PnL (the JST day of {@code now}) with its high and low, the extreme points.
   *
   * @param pnl today's PnL over time
   * @param high the highest point
   * @param low the lowest point
   * @param key a key that changes exactly when the data drawn changes ({@link ChartImage#dataKey()})
   */
  public record PnlDay(Timeline pnl, Point high, Point low, String key) {}

  /**
   * Month-to-date accumulated PnL against the latest monthly goal (null when none was written).
   *
   * @param accumulated the accumulated PnL, month to date
   * @param goal the latest monthly goal, in yen; null when none was written
   * @param last the latest point
   * @param key a key that changes exactly when the data drawn changes ({@link ChartImage#dataKey()})
   */
  public record PnlMonth(Timeline accumulated, Double goal, Point last, String key) {}

  /**
   * The relay's minutes over 24 h, with the stretches it has no minutes for.
   *
   * @param window the 24 h drawn
   * @param minutes the relay minutes in the window
   * @param gaps the stretches the relay has no minutes for; copied
   * @param closed market-closed stretches of the window; copied
   * @param key a key that changes exactly when the data drawn changes ({@link ChartImage#dataKey()})
   */
  public record RelayDay(Interval window, List<RelayMinute> minutes, List<Interval> gaps,
      List<Interval> closed, String key) {
    public RelayDay {
      minutes = List.copyOf(minutes);
      gaps = List.copyOf(gaps);
      closed = List.copyOf(closed);
    }
  }

  /** Empty until a version of today has a daily PnL. */
  public Optional<PnlDay> pnlToday(Instant now) {
    Instant at = minute(now);
    Interval day = TradingDay.dayOf(at);
    Optional<Timeline> t = timeline(day, at, history.figure(day, HistoryReader.Figure.DAILY_PNL));
    if (t.isEmpty()) {
      return Optional.empty();
    }
    List<Point> all = t.get().points();
    Point high = all.get(0);
    Point low = all.get(0);
    for (Point p : all) {
      high = p.value() > high.value() ? p : high;
      low = p.value() < low.value() ? p : low;
    }
    String key = new DataKey("pnl-today").add(t.get()).add(high).add(low).key();
    return Optional.of(new PnlDay(t.get(), high, low, key));
  }

  /** Empty until a version of this month has an accumulated PnL. */
  public Optional<PnlMonth> pnlMonth(Instant now) {
    Instant at = minute(now);
    Interval month = TradingDay.monthOf(at);
    Optional<Timeline> t = timeline(month, at, history.figure(month, HistoryReader.Figure.ACCUMULATED_PNL));
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Double goal = history.latest(month, HistoryReader.Figure.MONTHLY_GOAL).orElse(null);
    List<Point> all = t.get().points();
    Point last = all.get(all.size() - 1);
    String key = new DataKey("pnl-month").add(t.get()).add(goal).add(last).key();
    return Optional.of(new PnlMonth(t.get(), goal, last, key));
  }

  /** Empty while the 24 h before {@code now} hold no relay minute. */
  public Optional<RelayDay> relay24h(Instant now) {
    Instant at = minute(now);
    Interval window = new Interval(at.minus(Duration.ofHours(24)), at);
    List<RelayMinute> minutes = history.relayMinutes(window);
    if (minutes.isEmpty()) {
      return Optional.empty();
    }
    List<Interval> silences = new ArrayList<>();
    Instant prevEnd = window.from();
    for (RelayMinute m : minutes) {
      if (Duration.between(prevEnd, m.minute()).compareTo(RELAY_STALE_AFTER) > 0) {
        silences.add(new Interval(prevEnd, m.minute()));
      }
      prevEnd = m.minute().plusSeconds(60);
    }
    if (Duration.between(prevEnd, window.to()).compareTo(RELAY_STALE_AFTER) > 0) {
      silences.add(new Interval(prevEnd, window.to()));
    }
    List<Interval> closed = MarketClosed.within(hours, window);
    DataKey k = new DataKey("relay-24h").add(window).addIntervals(silences).addIntervals(closed);
    for (RelayMinute m : minutes) {
      k.add(m.minute()).add(m.delivered()).add(m.failed()).add(m.queueLength())
          .add(m.p95Ms() == null ? null : m.p95Ms().doubleValue());
    }
    return Optional.of(new RelayDay(window, minutes, silences, closed, k.key()));
  }

  /** The timeline of {@code points} (one figure, in time order), each segment downsampled. */
  private Optional<Timeline> timeline(Interval window, Instant now, List<Point> points) {
    if (points.isEmpty()) {
      return Optional.empty();
    }
    Timeline t = Timeline.build(points, history.sourceChanges(window), window, staleAfter, hours, now);
    return Optional.of(new Timeline(window,
        t.segments().stream().map(s -> Downsample.minMax(s, window, BUCKETS)).toList(), t.gaps(), t.closed()));
  }

  private static Instant minute(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES);
  }
}
