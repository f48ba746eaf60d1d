package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitStateTest {
  private static final Instant T0 = Instant.parse("2026-02-04T00:00:00Z");
  private final RateLimitState state = new RateLimitState();

  private static Optional<SinkOutcome.Replied> headers(String bucket, int limit, int remaining, String resetAfter) {
    return Optional.of(new SinkOutcome.Replied(200, Map.of(
        "X-RateLimit-Bucket", List.of(bucket),
        "X-RateLimit-Limit", List.of(String.valueOf(limit)),
        "X-RateLimit-Remaining", List.of(String.valueOf(remaining)),
        "X-RateLimit-Reset-After", List.of(resetAfter)), "{}"));
  }

  @Test
  void anExhaustedBucket_waitsUntilItResets() {
    assertThat(state.tryReserve("1", T0)).isEmpty();
    state.observe("1", headers("b1", 5, 0, "1.5"), T0);
    assertThat(state.tryReserve("1", T0.plusMillis(10))).contains(T0.plusMillis(1500));
    assertThat(state.tryReserve("1", T0.plusMillis(1500))).isEmpty();
  }

  @Test
  void requestsInFlight_spendTheBucketBeforeTheirAnswersArrive() {
    state.tryReserve("1", T0);
    state.observe("1", headers("b1", 5, 2, "2"), T0);
    assertThat(state.tryReserve("1", T0)).isEmpty();
    assertThat(state.tryReserve("1", T0)).isEmpty();
    assertThat(state.tryReserve("1", T0)).contains(T0.plusSeconds(2));
  }

  @Test
  void webhooksInTheSameBucket_shareItsCount() {
    state.tryReserve("1", T0);
    state.observe("1", headers("shared", 5, 1, "2"), T0);
    state.tryReserve("2", T0);
    state.observe("2", headers("shared", 5, 0, "2"), T0);
    assertThat(state.tryReserve("1", T0.plusMillis(1))).contains(T0.plusSeconds(2));
    assertThat(state.tryReserve("3", T0.plusMillis(1))).isEmpty();
  }

  @Test
  void aBlockedBucket_refusesUntilTheAnnouncedTime() {
    state.tryReserve("1", T0);
    state.observe("1", headers("b1", 5, 4, "2"), T0);
    state.block("1", T0.plusSeconds(9));
    assertThat(state.tryReserve("1", T0.plusSeconds(3))).contains(T0.plusSeconds(9));
    assertThat(state.readyAt("1")).isEqualTo(T0.plusSeconds(9));
  }

  @Test
  void anUnknownBucket_allowsOneRequestAtATime() {
    assertThat(state.tryReserve("1", T0)).isEmpty();
    assertThat(state.tryReserve("1", T0)).isPresent();
    state.observe("1", Optional.empty(), T0);
    assertThat(state.tryReserve("1", T0)).isEmpty();
  }
}
