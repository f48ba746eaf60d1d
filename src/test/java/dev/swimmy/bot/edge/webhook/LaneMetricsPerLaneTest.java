package dev.swimmy.bot.edge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.relay.FailureReason;
import dev.swimmy.bot.core.relay.LaneFigures;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@link LaneMetrics}' per-lane figures, plain, on a {@link SimpleMeterRegistry}. */
class LaneMetricsPerLaneTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LaneMetrics metrics = new LaneMetrics(registry);

  private static List<Duration> ms(long... values) {
    List<Duration> out = new ArrayList<>();
    for (long v : values) {
      out.add(Duration.ofMillis(v));
    }
    return out;
  }

  @Test
  void eachLaneCountsItsOwnDeliveriesAndFailedAttemptsBesideTheTotals() {
    metrics.delivered("100", ms(10, 20, 30));
    metrics.delivered("100", ms(40));
    metrics.failure("200", FailureReason.SERVER_ERROR);
    metrics.failure("200", FailureReason.TIMEOUT);

    assertThat(metrics.byLane()).containsOnlyKeys("100", "200");
    assertThat(metrics.byLane().get("100")).isEqualTo(new LaneFigures(4, 0, OptionalLong.of(40)));
    assertThat(metrics.byLane().get("200")).isEqualTo(new LaneFigures(0, 2, OptionalLong.empty()));
    assertThat(metrics.deliveredCount()).as("the totals still count").isEqualTo(4);
    assertThat(metrics.errorCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    assertThat(metrics.percentile(0.95)).isEqualTo(40);
  }

  @Test
  void aRateLimitIsNoFailedAttemptOfTheLane() {
    assertThatThrownBy(() -> metrics.failure("100", FailureReason.RATE_LIMITED))
        .isInstanceOf(IllegalArgumentException.class);
    metrics.rateLimited();
    assertThat(metrics.byLane()).isEmpty();
  }

  @Test
  void aLanesP95IsOverItsLastDeliveriesOnly() {
    long[] slow = new long[100];
    java.util.Arrays.fill(slow, 60_000);
    metrics.delivered("100", ms(slow));
    long[] fast = new long[LaneMetrics.LANE_WINDOW];
    for (int i = 0; i < fast.length; i++) {
      fast[i] = i + 1; // 1..512 ms
    }
    metrics.delivered("100", ms(fast));
    metrics.delivered("200", ms(5_000));

    LaneFigures lane = metrics.byLane().get("100");
    assertThat(lane.delivered()).isEqualTo(100 + LaneMetrics.LANE_WINDOW);
    // ceil(0.95 * 512) = 487th of 1..512: the slow ones fell out of the window
    assertThat(lane.p95Ms()).hasValue(487);
    assertThat(metrics.byLane().get("200").p95Ms()).as("another lane's latencies are its own").hasValue(5_000);
  }

  @Test
  void atMostMaxLanesAreKeptTheLeastRecentlyActiveForgottenFirst() {
    for (int i = 0; i < LaneMetrics.MAX_LANES; i++) {
      metrics.delivered("lane-" + i, ms(1));
    }
    metrics.failure("lane-0", FailureReason.SERVER_ERROR); // lane-0 is active again; lane-1 is now the oldest
    metrics.delivered("lane-new", ms(1));

    assertThat(metrics.byLane()).hasSize(LaneMetrics.MAX_LANES)
        .containsKeys("lane-0", "lane-new").doesNotContainKey("lane-1");
    assertThat(metrics.byLane().get("lane-0")).isEqualTo(new LaneFigures(1, 1, OptionalLong.of(1)));
    assertThat(metrics.deliveredCount()).as("the totals forget nothing").isEqualTo(LaneMetrics.MAX_LANES + 1);
  }

  @Test
  void noMeterIsTaggedWithALane() {
    metrics.delivered("123456789012345678", ms(10));
    metrics.failure("123456789012345678", FailureReason.SERVER_ERROR);
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().getTags()).noneMatch(t -> t.getValue().contains("123456789012345678"));
    }
  }
}
