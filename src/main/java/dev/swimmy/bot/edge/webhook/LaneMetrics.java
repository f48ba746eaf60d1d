package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.FailureReason;
import dev.swimmy.bot.core.relay.LaneFigures;
import dev.swimmy.bot.core.relay.RelayFigures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lanes' meters, the only owner of these names (Prometheus form): {@code
 * swimmy_notifier_delivered_total}, {@code _retries_total}, {@code _rate_limited_total}, {@code
 * _delivery_errors_total{reason}} (failed attempts, errors only: see {@link RelayFigures}),
 * {@code _dead_lettered_total}, {@code _expired_total}, {@code _splits_total}, {@code
 * _truncations_total}, {@code swimmy_notifier_delivery_latency_seconds} (histogram, buckets 10 ms to
 * 10 min so a retry storm is still measured) and {@code swimmy_notifier_latency_p50_ms}/p95/p99 over
 * the last 4,096 deliveries, which are also the metrics file's percentiles. Intake's and the
 * spool's meters belong to {@code edge.metrics.RelayMetrics}.
 *
 * <p><b>Per lane</b> (webhook id) it also keeps delivered, failed attempts (errors only) and the
 * last {@link #LANE_WINDOW} latencies, for {@link #byLane()} (the health and the history), never as
 * meters: a tag per webhook id would grow the scrape without bound. Bounded: at most {@link
 * #MAX_LANES} lanes, the least recently active forgotten first (its counts start again from zero
 * if it comes back); about 2 KB a lane.
 */
public final class LaneMetrics {
  static final Duration[] BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
    Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10)
  };
  private static final int WINDOW = 4096;
  /** Latencies kept per lane for its p95. */
  static final int LANE_WINDOW = 512;
  /** Lanes whose own figures are kept; past it the least recently active is forgotten. */
  static final int MAX_LANES = 1_000;

  private final Counter delivered;
  private final Counter retries;
  private final Counter rateLimited;
  private final Counter deadLettered;
  private final Counter expired;
  private final Counter splits;
  private final Counter truncations;
  private final Map<FailureReason, Counter> errors = new EnumMap<>(FailureReason.class);
  private final Timer latency;
  private final long[] recent = new long[WINDOW];
  private int recentCount;
  private int recentNext;
  private final AtomicLong oldestPendingAgeSecs = new AtomicLong();
  /** Guarded by itself; access order, so the eldest entry is the least recently active lane. */
  private final Map<String, LaneCount> lanes = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, LaneCount> eldest) {
      return size() > MAX_LANES;
    }
  };

  /** One lane's counts and a ring of its last {@link #LANE_WINDOW} latencies in ms. */
  private static final class LaneCount {
    long delivered;
    long failed;
    final int[] recent = new int[LANE_WINDOW];
    int recentCount;
    int recentNext;
  }

  public LaneMetrics(MeterRegistry registry) {
    delivered = counter(registry, "swimmy.notifier.delivered", "Notifications Discord stored (2xx), digests not included");
    retries = counter(registry, "swimmy.notifier.retries", "Requests retried after a 5xx or network error");
    rateLimited = counter(registry, "swimmy.notifier.rate.limited", "429 answers (not errors)");
    deadLettered = counter(registry, "swimmy.notifier.dead.lettered", "Notifications moved to dead letters");
    expired = counter(registry, "swimmy.notifier.expired", "Notifications older than max-age, sent in a digest");
    splits = counter(registry, "swimmy.notifier.splits", "Payloads split to fit Discord's limits");
    truncations = counter(registry, "swimmy.notifier.truncations", "Values truncated to fit Discord's limits");
    for (FailureReason r : FailureReason.values()) {
      if (RelayFigures.isError(r)) {
        errors.put(r, Counter.builder("swimmy.notifier.delivery.errors").tag("reason", r.label())
            .description("Failed delivery attempts by reason (429s are rate_limited, not errors)").register(registry));
      }
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
    // (swimmy_notifier_oldest_pending_age_seconds); the lanes keep their own copy for their health.
  }

  private static Counter counter(MeterRegistry registry, String name, String help) {
    return Counter.builder(name).description(help).register(registry);
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

  /** {@code n} messages of {@code lane} delivered, with their latencies (one per message). */
  void delivered(String lane, List<Duration> latencies) {
    delivered(latencies.size());
    latencies.forEach(this::latency);
    synchronized (lanes) {
      LaneCount c = lanes.computeIfAbsent(lane, k -> new LaneCount());
      c.delivered += latencies.size();
      for (Duration d : latencies) {
        c.recent[c.recentNext] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, d.toMillis()));
        c.recentNext = (c.recentNext + 1) % LANE_WINDOW;
        c.recentCount = Math.min(LANE_WINDOW, c.recentCount + 1);
      }
    }
  }

  /** A failed attempt of {@code lane}; {@code reason} must be an error ({@link RelayFigures#isError}). */
  void failure(String lane, FailureReason reason) {
    failure(reason, 1);
    synchronized (lanes) {
      lanes.computeIfAbsent(lane, k -> new LaneCount()).failed++;
    }
  }

  /** Each kept lane's figures since start (or since it was last forgotten), by webhook id. */
  Map<String, LaneFigures> byLane() {
    Map<String, LaneFigures> out = new LinkedHashMap<>();
    synchronized (lanes) {
      lanes.forEach((id, c) -> {
        int[] copy = Arrays.copyOf(c.recent, c.recentCount);
        out.put(id, new LaneFigures(c.delivered, c.failed,
            copy.length == 0 ? OptionalLong.empty() : OptionalLong.of(p95(copy))));
      });
    }
    return out;
  }

  private static long p95(int[] latencies) {
    Arrays.sort(latencies);
    int index = (int) Math.ceil(0.95 * latencies.length) - 1;
    return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
  }

  void retry() {
    retries.increment();
  }

  void rateLimited() {
    rateLimited.increment();
  }

  /** A failed attempt; {@code reason} must be an error ({@link RelayFigures#isError}). */
  void failure(FailureReason reason, int n) {
    Counter c = errors.get(reason);
    if (c == null) {
      throw new IllegalArgumentException(reason + " is not an error");
    }
    c.increment(n);
  }

  void deadLettered(int n) {
    deadLettered.increment(n);
  }

  void expired(int n) {
    expired.increment(n);
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

  long deadLetteredCount() {
    return (long) deadLettered.count();
  }

  long expiredCount() {
    return (long) expired.count();
  }

  Map<String, Long> errorCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    errors.forEach((r, c) -> m.put(r.label(), (long) c.count()));
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
