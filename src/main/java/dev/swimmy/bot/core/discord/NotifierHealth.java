package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One snapshot of the relay's health, as {@code /notifier} and the admin alerts read it. Counters
 * are totals since start; latencies are empty until something was delivered. {@code spoolError}
 * holds the last spool write failure while writes are failing, empty once one succeeds again.
 */
public record NotifierHealth(
    Instant takenAt,
    int queueLength,
    long delivered,
    long drops,
    long errors,
    long retries,
    long rejected,
    long rateLimited,
    long dedupeSuppressed,
    Optional<Duration> latencyP50,
    Optional<Duration> latencyP95,
    Optional<Duration> latencyP99,
    Duration latencySlo,
    Optional<Instant> oldestPending,
    int deadLetters,
    List<DeadWebhook> deadWebhooks,
    Map<String, String> lastErrorByWebhook,
    Optional<String> spoolError) {

  public NotifierHealth {
    deadWebhooks = List.copyOf(deadWebhooks);
    lastErrorByWebhook = Map.copyOf(lastErrorByWebhook);
  }

  /** Delivered over delivered plus errors, or empty before any attempt ended. */
  public Optional<Double> successRate() {
    long attempts = delivered + errors;
    return attempts == 0 ? Optional.empty() : Optional.of((double) delivered / attempts);
  }

  public boolean sloBreached() {
    return latencyP99.map(p99 -> p99.compareTo(latencySlo) > 0).orElse(false);
  }
}
