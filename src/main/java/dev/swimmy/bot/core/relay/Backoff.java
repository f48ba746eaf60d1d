package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with "equal jitter": attempt {@code n} waits between half and all of
 * {@code min(cap, base * 2^n)}, so retries of many lanes spread out but never come back sooner than
 * half the step. The random source is injected so tests are exact.
 */
public final class Backoff {
  private final Duration base;
  private final Duration cap;
  private final RandomGenerator random;

  /**
   * @param base the step of the first attempt; positive
   * @param cap the largest step; not below {@code base}
   * @param random where the jitter comes from; not null
   * @throws IllegalArgumentException unless {@code 0 < base <= cap}
   */
  public Backoff(Duration base, Duration cap, RandomGenerator random) {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= cap");
    }
    this.base = base;
    this.cap = cap;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The wait before retry number {@code attempt} (0 for the first retry). */
  public Duration delay(int attempt) {
    long step = ceiling(Math.max(0, attempt)).toMillis();
    long half = step / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (step - half + 1)));
  }

  /** The largest wait attempt {@code n} can get. */
  public Duration ceiling(int attempt) {
    int shift = Math.min(attempt, 30);
    long ms = base.toMillis() << shift;
    return ms <= 0 || ms > cap.toMillis() ? cap : Duration.ofMillis(ms);
  }
}
