package dev.swimmy.bot.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One drawn value at its own time.
 *
 * @param at the value's own time, not null
 * @param value the value drawn
 */
public record Point(Instant at, double value) {
  public Point {
    Objects.requireNonNull(at, "at");
  }
}
