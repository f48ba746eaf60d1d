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
 * only (no 429s).
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
    long expired) {

  public LanesHealth {
    errorsByReason = Map.copyOf(errorsByReason);
    lastErrorByWebhook = Map.copyOf(lastErrorByWebhook);
    deadWebhooks = Set.copyOf(deadWebhooks);
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
