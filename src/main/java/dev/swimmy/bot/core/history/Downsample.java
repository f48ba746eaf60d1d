package dev.swimmy.bot.core.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Fewer points, same picture: a month of minute versions is 43,200 points on a chart a few
 * hundred pixels wide. Each bucket of time keeps its lowest and highest point (in time order), so
 * every peak and trough an operator would see still shows; the first and last points stay.
 */
public final class Downsample {
  private Downsample() {}

  /**
   * {@code segment} (in time order) reduced to at most about {@code 2 * buckets + 2} points over
   * {@code window}; returned as is when it is already that small.
   */
  public static List<Point> minMax(List<Point> segment, Interval window, int buckets) {
    if (buckets < 1 || segment.size() <= 2L * buckets + 2 || window.isEmpty()) {
      return segment;
    }
    long from = window.from().toEpochMilli();
    double width = (double) (window.to().toEpochMilli() - from) / buckets;
    List<Point> out = new ArrayList<>();
    out.add(segment.get(0));
    int bucket = -1;
    Point min = null;
    Point max = null;
    for (int i = 1; i < segment.size() - 1; i++) {
      Point p = segment.get(i);
      int b = (int) Math.min(buckets - 1, Math.max(0, (p.at().toEpochMilli() - from) / width));
      if (b != bucket) {
        flush(out, min, max);
        bucket = b;
        min = p;
        max = p;
      } else {
        min = p.value() < min.value() ? p : min;
        max = p.value() > max.value() ? p : max;
      }
    }
    flush(out, min, max);
    out.add(segment.get(segment.size() - 1));
    return out;
  }

  private static void flush(List<Point> out, Point min, Point max) {
    if (min == null) {
      return;
    }
    if (min == max) {
      out.add(min);
    } else if (min.at().isBefore(max.at())) {
      out.add(min);
      out.add(max);
    } else {
      out.add(max);
      out.add(min);
    }
  }
}
