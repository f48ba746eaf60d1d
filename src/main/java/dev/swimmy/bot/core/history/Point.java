package dev.swimmy.bot.core.history;

import java.time.Instant;
import java.util.Objects;

/** One drawn value at its own time. */
public record Point(Instant at, double value) {
  public Point {
    Objects.requireNonNull(at, "at");
  }
}
