package dev.swimmy.bot.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs {@code speed} times faster than real time from {@code start}: shared by the
 * sender (with a scheduler scaled by the same factor) and the fake Discord, it compresses a
 * ten-minute outage into a second without changing any code path.
 */
public final class ScaledClock extends Clock {
  private final Instant start;
  private final long startNanos;
  private final double speed;

  public ScaledClock(Instant start, double speed) {
    this.start = start;
    this.startNanos = System.nanoTime();
    this.speed = speed;
  }

  public double speed() {
    return speed;
  }

  @Override
  public Instant instant() {
    return start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
