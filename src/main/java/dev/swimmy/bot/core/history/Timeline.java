package dev.swimmy.bot.core.history;

import dev.swimmy.bot.core.status.MarketHours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A series as a chart draws it: unbroken segments of points, the stretches with no current data
 * ({@code gaps}) and the market-closed stretches ({@code closed}) of the window. Nothing is ever
 * joined across a gap: a chart draws each segment as its own line.
 *
 * <p>A line breaks between two points when (a) they are more than the source's stale threshold
 * apart (no version for that long: the source was stale, whatever else happened), or (b) the
 * history recorded the source turning STALE or MISSING between them. The gaps shaded as
 * "no data" are those breaks, the recorded STALE/MISSING periods and a silence at either end of
 * the window, less the market-closed time (shaded as closed instead) and less pieces no longer
 * than the stale threshold.
 *
 * @param window the time drawn
 * @param segments unbroken runs of points, each drawn as its own line
 * @param gaps stretches with no current data
 * @param closed market-closed stretches
 */
public record Timeline(Interval window, List<List<Point>> segments, List<Interval> gaps, List<Interval> closed) {
  public Timeline {
    Objects.requireNonNull(window, "window");
    segments = segments.stream().map(List::copyOf).toList();
    gaps = List.copyOf(gaps);
    closed = List.copyOf(closed);
  }

  /**
   * Builds the timeline of {@code points} in {@code window} as of {@code now}.
   *
   * @param points the values, in any order; those outside the window are left out
   * @param changes the source's recorded state changes, including the last one before the
   *     window (which says the state the window opened in), in any order
   * @param staleAfter the source's stale threshold
   * @param hours the market calendar the source is written by
   * @param now the end of known time: nothing after it is a gap (it has not happened)
   */
  public static Timeline build(List<Point> points, List<SourceChange> changes, Interval window,
      Duration staleAfter, MarketHours hours, Instant now) {
    List<Point> pts = points.stream().filter(p -> window.contains(p.at()))
        .sorted(Comparator.comparing(Point::at)).toList();
    Instant known = now.isBefore(window.to()) ? (now.isBefore(window.from()) ? window.from() : now) : window.to();
    List<Interval> recorded = recordedGaps(changes, new Interval(window.from(), known));
    List<List<Point>> segments = new ArrayList<>();
    List<Interval> silences = new ArrayList<>(recorded);
    List<Point> current = new ArrayList<>();
    Point prev = null;
    for (Point p : pts) {
      if (prev != null && breaksBetween(prev.at(), p.at(), staleAfter, recorded)) {
        segments.add(current);
        current = new ArrayList<>();
        silences.add(new Interval(prev.at(), p.at()));
      }
      current.add(p);
      prev = p;
    }
    if (!current.isEmpty()) {
      segments.add(current);
    }
    Instant first = pts.isEmpty() ? known : pts.get(0).at();
    Instant last = pts.isEmpty() ? window.from() : pts.get(pts.size() - 1).at();
    if (Duration.between(window.from(), first).compareTo(staleAfter) > 0) {
      silences.add(new Interval(window.from(), first));
    }
    if (last.isBefore(known) && Duration.between(last, known).compareTo(staleAfter) > 0) {
      silences.add(new Interval(last, known));
    }
    List<Interval> closed = MarketClosed.within(hours, window);
    List<Interval> gaps = new ArrayList<>();
    for (Interval g : Intervals.minus(Intervals.union(silences), closed)) {
      if (g.length().compareTo(staleAfter) > 0) {
        gaps.add(g);
      }
    }
    return new Timeline(window, segments, gaps, closed);
  }

  /** Every point, segment after segment. */
  public List<Point> points() {
    return segments.stream().flatMap(List::stream).toList();
  }

  /**
   * A silence past the threshold, or a recorded gap that starts after {@code a} and by {@code b}.
   * (A gap that started earlier does not break again: the version that ended it has an own time a
   * little before the bot saw the change, and it starts the new line.)
   */
  private static boolean breaksBetween(Instant a, Instant b, Duration staleAfter, List<Interval> recorded) {
    if (Duration.between(a, b).compareTo(staleAfter) > 0) {
      return true;
    }
    return recorded.stream().anyMatch(r -> r.from().isAfter(a) && !r.from().isAfter(b));
  }

  /** The stretches the source was recorded STALE or MISSING, cut to {@code within}. */
  static List<Interval> recordedGaps(List<SourceChange> changes, Interval within) {
    List<SourceChange> sorted = changes.stream().sorted(Comparator.comparing(SourceChange::at)).toList();
    List<Interval> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      SourceChange c = sorted.get(i);
      if (!c.isGap()) {
        continue;
      }
      Instant end = i + 1 < sorted.size() ? sorted.get(i + 1).at() : within.to();
      Interval g = new Interval(c.at(), end.isBefore(c.at()) ? c.at() : end).clip(within);
      if (!g.isEmpty()) {
        out.add(g);
      }
    }
    return out;
  }
}
