package dev.swimmy.bot.core.relay;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only snapshot of the webhook sender for {@code /notifier} and {@code
 * data/notifier_metrics.sexp}: counts since start, latency percentiles over recent deliveries, the
 * oldest pending age, and each webhook's last error (named by id, never with its token).
 */
public record SenderHealth(
    Instant at,
    long delivered,
    long retries,
    long rateLimited,
    Map<String, Long> failuresByReason,
    long latencyP50Ms,
    long latencyP95Ms,
    long latencyP99Ms,
    long oldestPendingAgeSecs,
    Map<String, LastError> lastErrorByWebhook,
    Set<String> deadWebhooks,
    int invalidRequestsLast10Min,
    Optional<Instant> pausedUntil) {

  public SenderHealth {
    failuresByReason = Map.copyOf(failuresByReason);
    lastErrorByWebhook = Map.copyOf(lastErrorByWebhook);
    deadWebhooks = Set.copyOf(deadWebhooks);
  }

  /** The latest failure of one webhook. */
  public record LastError(Instant at, FailureReason reason, String detail) {}

  public long errors() {
    return failuresByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The sender's entries of the engine's metrics file, in the file's key names. */
  public Map<String, Long> metricsFileEntries() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("errors", errors());
    m.put("delivered", delivered);
    m.put("retries", retries);
    m.put("rate_limited", rateLimited);
    m.put("dead_webhooks", (long) deadWebhooks.size());
    m.put("oldest_pending_age_secs", oldestPendingAgeSecs);
    m.put("latency_p50_ms", latencyP50Ms);
    m.put("latency_p95_ms", latencyP95Ms);
    m.put("latency_p99_ms", latencyP99Ms);
    return m;
  }
}
