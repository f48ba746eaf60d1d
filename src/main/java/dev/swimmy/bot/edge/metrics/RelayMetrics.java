package dev.swimmy.bot.edge.metrics;

import dev.swimmy.bot.core.relay.Intake;
import dev.swimmy.bot.core.relay.RelayFigures;
import dev.swimmy.bot.core.relay.RejectReason;
import dev.swimmy.bot.core.relay.RelayMeters;
import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake's and the spool's meters, named as SPEC.md fixes them once Micrometer's Prometheus naming
 * applies ({@code swimmy.notifier.queue.length} is scraped as {@code swimmy_notifier_queue_length},
 * and a counter gains {@code _total}). This class is the only owner of these names; delivery,
 * retries, rate limits, delivery errors and latency belong to the lanes' {@code
 * edge.webhook.LaneMetrics}. The figures mean what {@link RelayFigures} defines. Thread-safe.
 */
public final class RelayMetrics implements RelayMeters {
  private final Map<Intake, Counter> queued = new EnumMap<>(Intake.class);
  private final Counter dropped;
  private final Counter dedupeSuppressed;
  private final Counter spoolWriteFailures;
  private final Counter intakeRebuilds;
  private final Counter intakeErrors;
  private final Counter handoffBlocked;
  private final Counter httpOverflow;
  private final Map<Intake, Map<RejectReason, Counter>> rejected = new EnumMap<>(Intake.class);
  private final AtomicLong queueLength = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong deadWebhooks = new AtomicLong();
  private final AtomicLong oldestPendingAge = new AtomicLong();
  private final AtomicLong spoolAvailable = new AtomicLong(1);

  public RelayMetrics(MeterRegistry registry) {
    dropped = counter(registry, "swimmy.notifier.dropped", "oldest pending dropped past queue-max");
    dedupeSuppressed = counter(registry, "swimmy.notifier.dedupe.suppressed", "duplicates not queued");
    spoolWriteFailures = counter(registry, "swimmy.notifier.spool.write.failures", "spool operations that failed");
    intakeRebuilds = counter(registry, "swimmy.notifier.intake.rebuilds", "PULL sockets rebuilt by the watchdog");
    intakeErrors = counter(registry, "swimmy.notifier.intake.errors", "unexpected errors in the PULL loop");
    handoffBlocked = counter(registry, "swimmy.notifier.intake.handoff.blocked",
        "times the PULL thread waited for the spool writer (backlog left in the engine's PUSH socket)");
    httpOverflow = counter(registry, "swimmy.notifier.http.overflow",
        "HTTP intake connections closed because every handler thread and queue slot was taken");
    for (Intake intake : Intake.values()) {
      queued.put(intake, Counter.builder("swimmy.notifier.queued").tag("intake", intake.label())
          .description("notifications committed to the spool, by intake").register(registry));
      Map<RejectReason, Counter> byReason = new EnumMap<>(RejectReason.class);
      for (RejectReason reason : RejectReason.values()) {
        byReason.put(reason, Counter.builder("swimmy.notifier.rejected").tag("reason", reason.label())
            .tag("intake", intake.label()).description("frames or requests not queued, by reason and intake")
            .register(registry));
      }
      rejected.put(intake, byReason);
    }
    gauge(registry, "swimmy.notifier.queue.length", queueLength, "notifications accepted and not finished (pending + in flight)");
    gauge(registry, "swimmy.notifier.in.flight", inFlight, "notifications being sent");
    gauge(registry, "swimmy.notifier.dead.letters", deadLetters, "notifications parked as dead letters");
    gauge(registry, "swimmy.notifier.dead.webhooks", deadWebhooks, "webhooks marked dead");
    gauge(registry, "swimmy.notifier.oldest.pending.age.seconds", oldestPendingAge, "age of the oldest pending");
    gauge(registry, "swimmy.notifier.spool.available", spoolAvailable, "1 when the spool accepts writes");
  }

  private static Counter counter(MeterRegistry registry, String name, String help) {
    return Counter.builder(name).description(help).register(registry);
  }

  private static void gauge(MeterRegistry registry, String name, AtomicLong value, String help) {
    Gauge.builder(name, value, AtomicLong::get).description(help).register(registry);
  }

  // Intake.

  /** Committed notifications from ZeroMQ. */
  public void queued(int n) {
    queued(Intake.ZMQ, n);
  }

  public void queued(Intake intake, int n) {
    if (n > 0) {
      queued.get(intake).increment(n);
    }
  }

  /** Frames from ZeroMQ that were not queued. */
  public void rejected(RejectReason reason, int n) {
    rejected(Intake.ZMQ, reason, n);
  }

  public void rejected(Intake intake, RejectReason reason, int n) {
    rejected.get(intake).get(reason).increment(n);
  }

  public void dropped(int n) {
    dropped.increment(n);
  }

  public void dedupeSuppressed(int n) {
    dedupeSuppressed.increment(n);
  }

  public void spoolWriteFailed() {
    spoolWriteFailures.increment();
    spoolAvailable.set(0);
  }

  public void spoolWritable() {
    spoolAvailable.set(1);
  }

  /** False from a failed spool write until the next one succeeds. */
  public boolean spoolAvailable() {
    return spoolAvailable.get() == 1;
  }

  public void intakeRebuilt() {
    intakeRebuilds.increment();
  }

  public void intakeError() {
    intakeErrors.increment();
  }

  public void handoffBlocked() {
    handoffBlocked.increment();
  }

  public void httpOverflow() {
    httpOverflow.increment();
  }

  /** Refreshes the queue gauges from the spool's figures. */
  public void queue(SpoolStats stats, Instant now) {
    queueLength.set(RelayFigures.queueLength(stats));
    inFlight.set(stats.inFlight());
    deadLetters.set(stats.deadLetters());
    deadWebhooks.set(stats.deadWebhooks());
    oldestPendingAge.set(RelayFigures.oldestPendingAgeSecs(stats, now));
  }

  // Readings.

  public long rejectedTotal() {
    return rejected.values().stream().flatMap(m -> m.values().stream()).mapToLong(c -> (long) c.count()).sum();
  }

  public long rejected(RejectReason reason) {
    return rejected.values().stream().mapToLong(m -> (long) m.get(reason).count()).sum();
  }

  public long rejected(Intake intake, RejectReason reason) {
    return (long) rejected.get(intake).get(reason).count();
  }

  public long queuedTotal() {
    return queued.values().stream().mapToLong(c -> (long) c.count()).sum();
  }

  public long queued(Intake intake) {
    return (long) queued.get(intake).count();
  }

  /** Notifications committed since start, by intake label ({@code zmq}, {@code http}). */
  public Map<String, Long> queuedByIntake() {
    Map<String, Long> out = new java.util.TreeMap<>();
    queued.forEach((intake, c) -> out.put(intake.label(), (long) c.count()));
    return out;
  }

  public long intakeRebuilds() {
    return (long) intakeRebuilds.count();
  }

  /** Intake's part of the relay's figures. */
  public RelayFigures.Intake intake() {
    return new RelayFigures.Intake((long) dropped.count(), rejectedTotal(), (long) dedupeSuppressed.count(),
        (long) spoolWriteFailures.count());
  }
}
