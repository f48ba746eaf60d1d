package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Discord bans an IP for a while after 10,000 invalid requests (401, 403, 429 other than
 * shared-scope) in 10 minutes. The relay counts its own over a rolling window and stops sending
 * well before that, at {@code limit} (1,000 by default), until the count falls back under it.
 * Thread-safe.
 */
public final class InvalidRequestBudget {
  /** Invalid requests per {@link #WINDOW} at which Discord bans the IP; the limit stays below it. */
  public static final int DISCORD_BAN_THRESHOLD = 10_000;
  /** Discord's window for counting invalid requests. */
  public static final Duration WINDOW = Duration.ofMinutes(10);

  private final int limit;
  private final Duration window;
  private final Deque<Instant> seen = new ArrayDeque<>();

  /**
   * A budget that is exhausted at {@code limit} invalid requests within the rolling {@code window}.
   *
   * @throws IllegalArgumentException if {@code limit} is not in 1..9999 (below Discord's ban)
   */
  public InvalidRequestBudget(int limit, Duration window) {
    if (limit <= 0 || limit >= DISCORD_BAN_THRESHOLD) {
      throw new IllegalArgumentException("limit must be in 1..9999");
    }
    this.limit = limit;
    this.window = window;
  }

  /** The default budget: 1,000 invalid requests per 10 minutes. */
  public static InvalidRequestBudget standard() {
    return new InvalidRequestBudget(1_000, WINDOW);
  }

  /** Counts one invalid request made at {@code at}; calls are expected in time order. */
  public synchronized void record(Instant at) {
    seen.addLast(at);
  }

  /** How many invalid requests in the window ending at {@code now}. */
  public synchronized int count(Instant now) {
    prune(now);
    return seen.size();
  }

  /** True while sending must stop. */
  public synchronized boolean exhausted(Instant now) {
    return count(now) >= limit;
  }

  /** When the count will next fall by one (the oldest leaves the window); {@code now} if empty. */
  public synchronized Instant nextRelief(Instant now) {
    prune(now);
    return seen.isEmpty() ? now : seen.peekFirst().plus(window);
  }

  /** The count at which sending stops. */
  public int limit() {
    return limit;
  }

  private void prune(Instant now) {
    Instant cutoff = now.minus(window);
    while (!seen.isEmpty() && !seen.peekFirst().isAfter(cutoff)) {
      seen.removeFirst();
    }
  }
}
