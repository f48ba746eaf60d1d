package dev.swimmy.bot.edge.metrics;

import dev.swimmy.bot.core.relay.Intake;
import dev.swimmy.bot.core.relay.NotifierFigures;
import dev.swimmy.bot.core.relay.RejectReason;
import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's meters, named as SPEC.md fixes them once Micrometer's Prometheus naming applies
 * ({@code swimmy.notifier.queue.length} is scraped as {@code swimmy_notifier_queue_length}, and a
 * counter gains {@code _total}). Intake feeds the intake figures; the sender feeds delivery,
 * retries, rate limits, errors and latency through the methods below. Thread-safe.
 */
public final class RelayMetrics {
  private static final double[] PERCENTILES = {0.5, 0.95, 0.99};
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
    Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
    Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)
  };

  private final Map<Intake, Counter> queued = new EnumMap<>(Intake.class);
  private final Counter delivered;
  private final Counter dropped;
  private final Counter dedupeSuppressed;
  private final Counter spoolWriteFailures;
  private final Counter intakeRebuilds;
  private final Counter intakeErrors;
  private final Counter handoffBlocked;
  private final Counter httpOverflow;
  private final Counter retries;
  private final Counter rateLimited;
  private final Counter errors;
  private final Map<Intake, Map<RejectReason, Counter>> rejected = new EnumMap<>(Intake.class);
  private final Timer latency;
  private final AtomicLong queueLength = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong deadWebhooks = new AtomicLong();
  private final AtomicLong oldestPendingAge = new AtomicLong();
  private final AtomicLong spoolAvailable = new AtomicLong(1);

  private final MeterRegistry registry;

  public RelayMetrics(MeterRegistry registry) {
    this.registry = registry;
    delivered = counter(registry, "swimmy.notifier.delivered", "notifications Discord accepted");
    dropped = counter(registry, "swimmy.notifier.dropped", "oldest pending dropped past queue-max");
    dedupeSuppressed = counter(registry, "swimmy.notifier.dedupe.suppressed", "duplicates not queued");
    spoolWriteFailures = counter(registry, "swimmy.notifier.spool.write.failures", "spool operations that failed");
    intakeRebuilds = counter(registry, "swimmy.notifier.intake.rebuilds", "PULL sockets rebuilt by the watchdog");
    intakeErrors = counter(registry, "swimmy.notifier.intake.errors", "unexpected errors in the PULL loop");
    handoffBlocked = counter(registry, "swimmy.notifier.intake.handoff.blocked",
        "times the PULL thread waited for the spool writer (backlog left in the engine's PUSH socket)");
    httpOverflow = counter(registry, "swimmy.notifier.http.overflow",
        "HTTP intake connections closed because every handler thread and queue slot was taken");
    retries = counter(registry, "swimmy.notifier.retries", "delivery attempts retried");
    rateLimited = counter(registry, "swimmy.notifier.rate.limited", "429 answers from Discord");
    errors = counter(registry, "swimmy.notifier.errors", "failed delivery attempts");
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
    latency = Timer.builder("swimmy.notifier.delivery.latency")
        .description("engine time (else receive time) to Discord's 2xx")
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .publishPercentiles(PERCENTILES)
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
    gauge(registry, "swimmy.notifier.queue.length", queueLength, "pending notifications");
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
    queueLength.set(stats.pending());
    inFlight.set(stats.inFlight());
    deadLetters.set(stats.deadLetters());
    deadWebhooks.set(stats.deadWebhooks());
    oldestPendingAge.set(stats.oldestPending().map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L));
  }

  // Delivery (fed by the sender).

  public void delivered(int n, Duration latencyOfEach) {
    delivered.increment(n);
    for (int i = 0; i < n; i++) {
      latency.record(latencyOfEach);
    }
  }

  public void retried() {
    retries.increment();
  }

  public void rateLimited() {
    rateLimited.increment();
  }

  public void deliveryFailed() {
    errors.increment();
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

  /** Failed sends as the webhook lanes count them, by reason ({@code swimmy.notifier.failures}). */
  private double senderFailures() {
    return registry.find("swimmy.notifier.failures").counters().stream().mapToDouble(Counter::count).sum();
  }

  /** The figures of the metrics file; {@code errors} counts failed sends and failed spool writes. */
  public NotifierFigures figures(Instant now) {
    Map<Double, Long> p = new java.util.HashMap<>();
    for (ValueAtPercentile v : latency.takeSnapshot().percentileValues()) {
      p.put(v.percentile(), Math.round(v.value(TimeUnit.MILLISECONDS)));
    }
    return new NotifierFigures(
        now,
        queueLength.get(),
        (long) dropped.count(),
        (long) (errors.count() + spoolWriteFailures.count() + senderFailures()),
        (long) delivered.count(),
        rejectedTotal(),
        (long) retries.count(),
        (long) rateLimited.count(),
        (long) dedupeSuppressed.count(),
        deadWebhooks.get(),
        oldestPendingAge.get(),
        p.getOrDefault(0.5, 0L),
        p.getOrDefault(0.95, 0L),
        p.getOrDefault(0.99, 0L));
  }
}
