package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.FailureReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sender's meters. Names (Prometheus form): {@code swimmy_notifier_delivered_total}, {@code
 * _retries_total}, {@code _rate_limited_total}, {@code _failures_total{reason}}, {@code
 * _splits_total}, {@code _truncations_total}, {@code swimmy_notifier_delivery_latency_seconds}
 * (histogram, buckets 10 ms to 10 min so a retry storm is still measured), {@code
 * swimmy_notifier_latency_p50_ms}/p95/p99 over the last 4,096 deliveries. Queue length, the oldest
 * pending age, drops and rejects belong to the intake's RelayMetrics.
 */
public final class SenderMetrics {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
    Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)
  };
  private static final int WINDOW = 4096;

  private final Counter delivered;
  private final Counter retries;
  private final Counter rateLimited;
  private final Counter splits;
  private final Counter truncations;
  private final Map<FailureReason, Counter> failures = new EnumMap<>(FailureReason.class);
  private final Timer latency;
  private final long[] recent = new long[WINDOW];
  private int recentCount;
  private int recentNext;
  private final AtomicLong oldestPendingAgeSecs = new AtomicLong();

  public SenderMetrics(MeterRegistry registry) {
    delivered = Counter.builder("swimmy.notifier.delivered").description("Notifications Discord stored (2xx)").register(registry);
    retries = Counter.builder("swimmy.notifier.retries").description("Requests retried after a transient failure").register(registry);
    rateLimited = Counter.builder("swimmy.notifier.rate.limited").description("429 answers").register(registry);
    splits = Counter.builder("swimmy.notifier.splits").description("Payloads split to fit Discord's limits").register(registry);
    truncations = Counter.builder("swimmy.notifier.truncations").description("Values truncated to fit Discord's limits").register(registry);
    for (FailureReason r : FailureReason.values()) {
      failures.put(r, Counter.builder("swimmy.notifier.failures").tag("reason", r.label())
          .description("Failed attempts and undelivered notifications by reason").register(registry));
    }
    latency = Timer.builder("swimmy.notifier.delivery.latency")
        .description("Engine time (or receive time) to Discord's 2xx")
        .serviceLevelObjectives(BUCKETS)
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10))
        .register(registry);
    Gauge.builder("swimmy.notifier.latency.p50.ms", () -> percentile(0.50)).register(registry);
    Gauge.builder("swimmy.notifier.latency.p95.ms", () -> percentile(0.95)).register(registry);
    Gauge.builder("swimmy.notifier.latency.p99.ms", () -> percentile(0.99)).register(registry);
    // The oldest pending age is exported once, by RelayMetrics from the spool's figures
    // (swimmy_notifier_oldest_pending_age_seconds); the sender keeps its own copy for its health.
  }

  void delivered(int n) {
    delivered.increment(n);
  }

  void latency(Duration d) {
    latency.record(d.isNegative() ? Duration.ZERO : d);
    synchronized (recent) {
      recent[recentNext] = Math.max(0, d.toMillis());
      recentNext = (recentNext + 1) % WINDOW;
      recentCount = Math.min(WINDOW, recentCount + 1);
    }
  }

  void retry() {
    retries.increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }

  void failure(FailureReason reason, int n) {
    failures.get(reason).increment(n);
  }

  void split() {
    splits.increment();
  }

  void truncated(int n) {
    truncations.increment(n);
  }

  void oldestPendingAge(Duration age) {
    oldestPendingAgeSecs.set(Math.max(0, age.toSeconds()));
  }

  long oldestPendingAgeSecs() {
    return oldestPendingAgeSecs.get();
  }

  long deliveredCount() {
    return (long) delivered.count();
  }

  long retryCount() {
    return (long) retries.count();
  }

  long rateLimitedCount() {
    return (long) rateLimited.count();
  }

  Map<String, Long> failureCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    failures.forEach((r, c) -> m.put(r.label(), (long) c.count()));
    return m;
  }

  /** The {@code q} quantile, in ms, of the last deliveries (0 when none yet). */
  public long percentile(double q) {
    long[] copy;
    synchronized (recent) {
      copy = Arrays.copyOf(recent, recentCount);
    }
    if (copy.length == 0) {
      return 0;
    }
    Arrays.sort(copy);
    int index = (int) Math.ceil(q * copy.length) - 1;
    return copy[Math.max(0, Math.min(copy.length - 1, index))];
  }
}
