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
 *
 * @param at when the snapshot was taken
 * @param delivered messages delivered
 * @param retries retries after a failed attempt
 * @param rateLimited 429 answers
 * @param errorsByReason failed attempts by reason label; copied
 * @param latencyP50Ms median delivery latency over recent deliveries, in milliseconds
 * @param latencyP95Ms p95 delivery latency over recent deliveries, in milliseconds
 * @param latencyP99Ms p99 delivery latency over recent deliveries, in milliseconds
 * @param oldestPendingAgeSecs the age of the oldest pending message, in seconds
 * @param lastErrorByWebhook webhook id to its latest failure; copied
 * @param deadWebhooks the ids of webhooks whose lane is dead; copied
 * @param invalidRequestsLast10Min invalid requests (401, 403, non-shared 429) counted in the last 10 minutes
 * @param pausedUntil until when every lane is paused (a global 429 or the invalid-request budget spent)
 * @param deadLettered messages moved to dead letters
 * @param expired messages folded into a digest past {@code max-age}
 * @param byLane each lane's own figures by webhook id, at most a bounded number of lanes
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

  /**
   * The latest failure of one webhook.
   *
   * @param at when the attempt failed
   * @param reason why
   * @param detail a short detail for operators
   */
  public record LastError(Instant at, FailureReason reason, String detail) {}

  /** Failed delivery attempts, all reasons together. */
  public long errors() {
    return errorsByReason.values().stream().mapToLong(Long::longValue).sum();
  }
}
