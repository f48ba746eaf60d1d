package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.relay.NotifierFigures;
import dev.swimmy.bot.core.relay.SenderHealth;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import dev.swimmy.bot.core.relay.Spool.SpoolStats;
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
    Optional<String> spoolError,
    Map<String, Long> queuedByIntake) {

  public NotifierHealth {
    deadWebhooks = List.copyOf(deadWebhooks);
    lastErrorByWebhook = Map.copyOf(lastErrorByWebhook);
    queuedByIntake = Map.copyOf(queuedByIntake);
  }

  /** A snapshot that does not split queued notifications by intake. */
  public NotifierHealth(Instant takenAt, int queueLength, long delivered, long drops, long errors, long retries,
      long rejected, long rateLimited, long dedupeSuppressed, Optional<Duration> latencyP50,
      Optional<Duration> latencyP95, Optional<Duration> latencyP99, Duration latencySlo,
      Optional<Instant> oldestPending, int deadLetters, List<DeadWebhook> deadWebhooks,
      Map<String, String> lastErrorByWebhook, Optional<String> spoolError) {
    this(takenAt, queueLength, delivered, drops, errors, retries, rejected, rateLimited, dedupeSuppressed,
        latencyP50, latencyP95, latencyP99, latencySlo, oldestPending, deadLetters, deadWebhooks,
        lastErrorByWebhook, spoolError, Map.of());
  }

  /**
   * What intake counted: frames dropped for space, rejected, suppressed as duplicates, and the
   * notifications queued by each intake ({@code zmq}, {@code http}).
   */
  public record IntakeCounts(long drops, long rejected, long dedupeSuppressed, Map<String, Long> queuedByIntake) {
    public IntakeCounts {
      queuedByIntake = Map.copyOf(queuedByIntake);
    }

    public IntakeCounts(long drops, long rejected, long dedupeSuppressed) {
      this(drops, rejected, dedupeSuppressed, Map.of());
    }

    /** Intake's counts out of the metrics-file figures. */
    public static IntakeCounts of(NotifierFigures f) {
      return new IntakeCounts(f.drops(), f.rejected(), f.dedupeSuppressed());
    }
  }

  /**
   * The snapshot the relay's parts make together: the sender's health, the spool's figures and
   * dead webhooks (with reasons), intake's counts, the SLO, and the last spool write failure.
   */
  public static NotifierHealth of(
      SenderHealth sender,
      SpoolStats spool,
      List<DeadWebhook> deadWebhooks,
      IntakeCounts intake,
      Duration latencySlo,
      Optional<String> spoolError) {
    boolean measured = sender.delivered() > 0;
    Map<String, String> lastErrors = new java.util.TreeMap<>();
    sender.lastErrorByWebhook().forEach((id, e) -> lastErrors.put(id, e.reason() + " " + e.detail()));
    return new NotifierHealth(
        sender.at(),
        spool.pending() + spool.inFlight(),
        sender.delivered(),
        intake.drops(),
        sender.errors(),
        sender.retries(),
        intake.rejected(),
        sender.rateLimited(),
        intake.dedupeSuppressed(),
        measured ? Optional.of(Duration.ofMillis(sender.latencyP50Ms())) : Optional.empty(),
        measured ? Optional.of(Duration.ofMillis(sender.latencyP95Ms())) : Optional.empty(),
        measured ? Optional.of(Duration.ofMillis(sender.latencyP99Ms())) : Optional.empty(),
        latencySlo,
        spool.oldestPending(),
        spool.deadLetters(),
        deadWebhooks,
        lastErrors,
        spoolError,
        intake.queuedByIntake());
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
