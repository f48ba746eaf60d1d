package dev.swimmy.bot.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Set arithmetic on lists of intervals, for gaps and shading. */
final class Intervals {
  private Intervals() {}

  /** The union, as disjoint non-empty intervals in order (touching ones joined). */
  static List<Interval> union(List<Interval> in) {
    List<Interval> sorted = in.stream().filter(i -> !i.isEmpty())
        .sorted(Comparator.comparing(Interval::from)).toList();
    List<Interval> out = new ArrayList<>();
    for (Interval i : sorted) {
      if (!out.isEmpty() && !i.from().isAfter(out.get(out.size() - 1).to())) {
        Interval last = out.remove(out.size() - 1);
        out.add(new Interval(last.from(), i.to().isAfter(last.to()) ? i.to() : last.to()));
      } else {
        out.add(i);
      }
    }
    return out;
  }

  /** {@code a} without any time in {@code b}, as disjoint non-empty intervals in order. */
  static List<Interval> minus(List<Interval> a, List<Interval> b) {
    List<Interval> cut = union(b);
    List<Interval> out = new ArrayList<>();
    for (Interval i : union(a)) {
      Instant from = i.from();
      for (Interval c : cut) {
        if (!c.to().isAfter(from) || !c.from().isBefore(i.to())) {
          continue;
        }
        if (c.from().isAfter(from)) {
          out.add(new Interval(from, c.from()));
        }
        from = c.to().isAfter(from) ? c.to() : from;
      }
      if (from.isBefore(i.to())) {
        out.add(new Interval(from, i.to()));
      }
    }
    return out;
  }
}
