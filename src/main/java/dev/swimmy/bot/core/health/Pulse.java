package dev.swimmy.bot.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One part's latest sign of life, as its edge reports it, with the window past which the part
 * counts as wedged. Two shapes, because parts wait in two ways: a loop that turns on its own (the
 * PULL loop every poll, a timer's tick) proves itself by {@link Turned}; a worker that sleeps
 * until work comes (the spool writer) is alive while idle and wedged only when one piece of work
 * has run too long, so it reports {@link Busy}.
 */
public sealed interface Pulse {
  /** The part's name as logged and sent to systemd, e.g. {@code "PULL loop"}. */
  String part();

  /** How long the part may go without a sign of life. */
  Duration window();

  /** The part last turned at {@code at}; wedged once {@code window} has passed since. */
  record Turned(String part, Instant at, Duration window) implements Pulse {
    public Turned {
      requirePositive(window);
    }
  }

  /**
   * The part is working since {@code since} (empty: idle, waiting for work); wedged once one
   * piece of work has run for longer than {@code window}.
   */
  record Busy(String part, Optional<Instant> since, Duration window) implements Pulse {
    public Busy {
      requirePositive(window);
    }
  }

  private static void requirePositive(Duration window) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, got " + window);
    }
  }
}
