package dev.swimmy.bot.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time from {@code from} (inclusive) to {@code to} (exclusive); never backwards.
 *
 * @param from the first instant in it, not null
 * @param to the first instant after it, not null, not before {@code from}
 */
public record Interval(Instant from, Instant to) {
  public Interval {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("interval ends before it starts: " + from + " .. " + to);
    }
  }

  /** {@code to - from}; zero for an empty interval. */
  public Duration length() {
    return Duration.between(from, to);
  }

  /** Whether {@code t} lies in {@code [from, to)}. */
  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }

  /** This interval cut to {@code within}; empty (from == to) when they do not overlap. */
  public Interval clip(Interval within) {
    Instant f = from.isBefore(within.from) ? within.from : from;
    Instant t = to.isAfter(within.to) ? within.to : to;
    return t.isBefore(f) ? new Interval(f, f) : new Interval(f, t);
  }

  /** Whether it holds no time ({@code from == to}). */
  public boolean isEmpty() {
    return from.equals(to);
  }
}
