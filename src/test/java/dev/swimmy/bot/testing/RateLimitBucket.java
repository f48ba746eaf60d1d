package dev.swimmy.bot.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * A Discord rate-limit bucket: {@code limit} requests per fixed window that opens with the first
 * request after the previous window reset. Time is whatever the caller says it is.
 */
final class RateLimitBucket {
  private final String hash;
  private final int limit;
  private final Duration window;
  private Instant resetAt = Instant.MIN;
  private int remaining;

  RateLimitBucket(String hash, int limit, Duration window) {
    this.hash = hash;
    this.limit = limit;
    this.window = window;
  }

  /** What the bucket said about one request. */
  record Decision(boolean allowed, int limit, int remaining, Instant resetAt, Duration resetAfter,
      String bucket) {}

  synchronized Decision take(Instant now) {
    if (!now.isBefore(resetAt)) {
      resetAt = now.plus(window);
      remaining = limit;
    }
    boolean allowed = remaining > 0;
    if (allowed) {
      remaining--;
    }
    return new Decision(allowed, limit, remaining, resetAt, Duration.between(now, resetAt), hash);
  }
}
