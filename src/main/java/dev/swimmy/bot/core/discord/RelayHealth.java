package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.relay.RelayFigures;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One snapshot of the relay's health, as {@code /notifier} and the admin alerts read it. Counters
 * are totals since start and mean what {@link RelayFigures} defines (the same figures the
 * metrics file and {@code /metrics} carry); latencies are empty until something was delivered.
 * {@code spoolError} holds the last spool write failure while writes are failing, empty once one
 * succeeds again.
 *
 * @param takenAt when the snapshot was taken
 * @param queueLength messages accepted and not finished (pending plus in flight)
 * @param delivered messages delivered
 * @param drops oldest pending messages dropped past {@code queue-max}
 * @param errors failed delivery attempts plus failed spool writes
 * @param retries retries after a failed attempt
 * @param rejected frames and requests rejected at intake
 * @param rateLimited 429 answers
 * @param dedupeSuppressed duplicates not queued
 * @param deadLettered messages moved to dead letters
 * @param expired messages older than {@code max-age}, sent only as a line of a digest
 * @param latencyP50 median delivery latency; empty until something was delivered
 * @param latencyP95 p95 delivery latency; empty until something was delivered
 * @param latencyP99 p99 delivery latency; empty until something was delivered
 * @param latencySlo the delivery latency objective ({@code notifier.latency-slo})
 * @param oldestPending the earliest {@link dev.swimmy.bot.core.relay.Notification#createdAt} of the pending messages; empty when none is pending
 * @param deadLetters dead letters the spool holds now
 * @param deadWebhooks the webhooks marked dead, with reasons; copied
 * @param lastErrorByWebhook webhook id to its last error, reason and detail; copied
 * @param spoolError the last spool write failure while writes are failing
 * @param queuedByIntake notifications queued by each intake ({@code zmq}, {@code http}) since start; copied
 */
public record RelayHealth(
    Instant takenAt,
    int queueLength,
    long delivered,
    long drops,
    long errors,
    long retries,
    long rejected,
    long rateLimited,
    long dedupeSuppressed,
    long deadLettered,
    long expired,
    Optional<Duration> latencyP50,
    Optional<Duration> latencyP95,
    Optional<Duration> latencyP99,
    Duration latencySlo,
    Optional<Instant> oldestPending,
    int deadLetters,
    List<DeadWebhook> deadWebhooks,
    Map<String, String> lastErrorByWebhook,
    Optional<String> spoolError,
    Map<String, Long> queuedByIntake) {

  public RelayHealth {
    deadWebhooks = List.copyOf(deadWebhooks);
    lastErrorByWebhook = Map.copyOf(lastErrorByWebhook);
    queuedByIntake = Map.copyOf(queuedByIntake);
  }

  /** A snapshot that does not split queued notifications by intake. */
  public RelayHealth(Instant takenAt, int queueLength, long delivered, long drops, long errors, long retries,
      long rejected, long rateLimited, long dedupeSuppressed, long deadLettered, long expired,
      Optional<Duration> latencyP50, Optional<Duration> latencyP95, Optional<Duration> latencyP99,
      Duration latencySlo, Optional<Instant> oldestPending, int deadLetters, List<DeadWebhook> deadWebhooks,
      Map<String, String> lastErrorByWebhook, Optional<String> spoolError) {
    this(takenAt, queueLength, delivered, drops, errors, retries, rejected, rateLimited, dedupeSuppressed,
        deadLettered, expired, latencyP50, latencyP95, latencyP99, latencySlo, oldestPending, deadLetters,
        deadWebhooks, lastErrorByWebhook, spoolError, Map.of());
  }

  /**
   * The snapshot of the relay's figures ({@link RelayFigures#of}), with what only {@code
   * /notifier} shows: the lanes' last error per webhook, the spool's oldest pending time, dead
   * letters and dead webhooks (with reasons), the SLO, the last spool write failure, and the
   * notifications queued by each intake ({@code zmq}, {@code http}) since start.
   */
  public static RelayHealth of(
      RelayFigures figures,
      LanesHealth lanes,
      SpoolStats spool,
      List<DeadWebhook> deadWebhooks,
      Duration latencySlo,
      Optional<String> spoolError,
      Map<String, Long> queuedByIntake) {
    boolean measured = figures.delivered() > 0;
    Map<String, String> lastErrors = new java.util.TreeMap<>();
    lanes.lastErrorByWebhook().forEach((id, e) -> lastErrors.put(id, e.reason() + " " + e.detail()));
    return new RelayHealth(
        figures.timestamp(),
        (int) Math.min(Integer.MAX_VALUE, figures.queueLen()),
        figures.delivered(),
        figures.drops(),
        figures.errors(),
        figures.retries(),
        figures.rejected(),
        figures.rateLimited(),
        figures.dedupeSuppressed(),
        figures.deadLettered(),
        figures.expired(),
        measured ? Optional.of(Duration.ofMillis(figures.latencyP50Ms())) : Optional.empty(),
        measured ? Optional.of(Duration.ofMillis(figures.latencyP95Ms())) : Optional.empty(),
        measured ? Optional.of(Duration.ofMillis(figures.latencyP99Ms())) : Optional.empty(),
        latencySlo,
        spool.oldestPending(),
        spool.deadLetters(),
        deadWebhooks,
        lastErrors,
        spoolError,
        queuedByIntake);
  }

  /** Delivered over finished, as {@link RelayFigures#successRate(long, long, long, long)}. */
  public Optional<Double> successRate() {
    return RelayFigures.successRate(delivered, deadLettered, expired, drops);
  }

  /** Whether the p99 latency is over the SLO; false when there is no p99. */
  public boolean sloBreached() {
    return latencyP99.map(p99 -> p99.compareTo(latencySlo) > 0).orElse(false);
  }
}
