package dev.swimmy.bot.core.relay;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only snapshot of the lanes, one of the parts {@link RelayFigures#of} combines:
 * counts since start (meaning as {@link RelayFigures} defines them), latency percentiles over
 * recent deliveries, the oldest pending age, and each webhook's last error (named by id, never with
 * its token). {@code errorsByReason} holds failed attempts by {@link FailureReason#label()}, errors
 * only (no 429s). {@code byLane} holds each lane's own {@link LaneFigures}, keyed by webhook id; the
 * lanes keep at most a bounded number of them (the least recently active lane is forgotten first),
 * so its sums may be below the totals.
 */
public record LanesHealth(
    Instant at,
    long delivered,
    long retries,
    long rateLimited,
    Map<String, Long> errorsByReason,
    long latencyP50Ms,
    long latencyP95Ms,
    long latencyP99Ms,
    long oldestPendingAgeSecs,
    Map<String, LastError> lastErrorByWebhook,
    Set<String> deadWebhooks,
    int invalidRequestsLast10Min,
    Optional<Instant> pausedUntil,
    long deadLettered,
    long expired,
    Map<String, LaneFigures> byLane) {

  public LanesHealth {
    errorsByReason = Map.copyOf(errorsByReason);
    lastErrorByWebhook = Map.copyOf(lastErrorByWebhook);
    deadWebhooks = Set.copyOf(deadWebhooks);
    byLane = Map.copyOf(byLane);
  }

  /** A snapshot without per-lane figures ({@code byLane} empty). */
  public LanesHealth(Instant at, long delivered, long retries, long rateLimited, Map<String, Long> errorsByReason,
      long latencyP50Ms, long latencyP95Ms, long latencyP99Ms, long oldestPendingAgeSecs,
      Map<String, LastError> lastErrorByWebhook, Set<String> deadWebhooks, int invalidRequestsLast10Min,
      Optional<Instant> pausedUntil, long deadLettered, long expired) {
    this(at, delivered, retries, rateLimited, errorsByReason, latencyP50Ms, latencyP95Ms, latencyP99Ms,
        oldestPendingAgeSecs, lastErrorByWebhook, deadWebhooks, invalidRequestsLast10Min, pausedUntil,
        deadLettered, expired, Map.of());
  }

  /** The lanes before they have done anything (or before they exist, while the daemon starts). */
  public static LanesHealth idle(Instant at) {
    return new LanesHealth(at, 0, 0, 0, Map.of(), 0, 0, 0, 0, Map.of(), Set.of(), 0, Optional.empty(), 0, 0);
  }

  /** The latest failure of one webhook. */
  public record LastError(Instant at, FailureReason reason, String detail) {}

  /** Failed delivery attempts, all reasons together. */
  public long errors() {
    return errorsByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
