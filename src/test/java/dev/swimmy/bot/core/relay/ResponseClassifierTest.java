package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ResponseClassifierTest {
  private static final Instant NOW = Instant.parse("2026-02-04T00:00:00Z");
  private final ResponseClassifier classifier =
      new ResponseClassifier(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), fixedRandom(0.0)));

  static RandomGenerator fixedRandom(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  private static SinkOutcome.Replied reply(int status, Map<String, String> headers, String body) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    headers.forEach((k, v) -> h.put(k, List.of(v)));
    return new SinkOutcome.Replied(status, h, body);
  }

  @Test
  void a2xx_isDelivered() {
    assertThat(classifier.classify(reply(200, Map.of(), "{}"), 0, NOW))
        .isEqualTo(new DeliveryResult.Delivered(NOW));
  }

  @Test
  void a429_waitsTheLargerOfHeaderAndBody() {
    var r = classifier.classify(
        reply(429, Map.of("Retry-After", "2"), "{\"retry_after\": 3.5, \"global\": false}"), 0, NOW);
    assertThat(r).isInstanceOfSatisfying(DeliveryResult.RateLimited.class, rl -> {
      assertThat(rl.until()).isEqualTo(NOW.plusMillis(3500));
      assertThat(rl.global()).isFalse();
      assertThat(rl.invalid()).isTrue();
    });
    var headerBigger = classifier.classify(
        reply(429, Map.of("retry-after", "7"), "{\"retry_after\": 0.2}"), 0, NOW);
    assertThat(((DeliveryResult.RateLimited) headerBigger).until()).isEqualTo(NOW.plusSeconds(7));
  }

  @Test
  void a429WithANonJsonBody_fallsBackToTheHeader() {
    var r = classifier.classify(reply(429, Map.of("Retry-After", "4"), "<html>slow down</html>"), 0, NOW);
    assertThat(((DeliveryResult.RateLimited) r).until()).isEqualTo(NOW.plusSeconds(4));
    var bare = classifier.classify(reply(429, Map.of(), "nope"), 0, NOW);
    assertThat(((DeliveryResult.RateLimited) bare).until()).isEqualTo(NOW.plusSeconds(1));
  }

  @Test
  void a429IsGlobal_whenTheBodyOrTheScopeHeaderSaysSo() {
    var byBody = classifier.classify(reply(429, Map.of(), "{\"retry_after\":1,\"global\":true}"), 0, NOW);
    var byScope = classifier.classify(reply(429, Map.of("X-RateLimit-Scope", "global"), "{\"retry_after\":1}"), 0, NOW);
    assertThat(((DeliveryResult.RateLimited) byBody).global()).isTrue();
    assertThat(((DeliveryResult.RateLimited) byScope).global()).isTrue();
  }

  @Test
  void aSharedScope429_doesNotCountAsInvalid() {
    var r = classifier.classify(reply(429, Map.of("X-RateLimit-Scope", "shared"), "{\"retry_after\":1}"), 0, NOW);
    assertThat(((DeliveryResult.RateLimited) r).invalid()).isFalse();
  }

  @Test
  void authErrorsAndNotFound_killTheWebhook() {
    for (int status : new int[] {401, 403, 404}) {
      assertThat(classifier.classify(reply(status, Map.of(), "{\"code\":10015}"), 0, NOW))
          .isInstanceOf(DeliveryResult.DeadWebhook.class);
    }
  }

  @Test
  void a400_isRejectedKeepingDiscordsError() {
    var r = classifier.classify(reply(400, Map.of(), "{\"code\":50035,\"message\":\"Invalid Form Body\"}"), 0, NOW);
    assertThat(r).isInstanceOfSatisfying(DeliveryResult.Rejected.class,
        rj -> assertThat(rj.discordError()).contains("50035").contains("Invalid Form Body"));
  }

  @Test
  void serverErrorsAndTimeouts_retryWithGrowingBackoff() {
    var first = (DeliveryResult.RetryAt) classifier.classify(reply(503, Map.of(), ""), 0, NOW);
    var third = (DeliveryResult.RetryAt) classifier.classify(reply(502, Map.of(), ""), 2, NOW);
    assertThat(first.reason()).isEqualTo(FailureReason.SERVER_ERROR);
    assertThat(first.at()).isEqualTo(NOW.plusMillis(500));
    assertThat(third.at()).isEqualTo(NOW.plusMillis(2000));
    var timeout = (DeliveryResult.RetryAt) classifier.classify(
        new SinkOutcome.Failed(SinkOutcome.Kind.TIMEOUT, "read timed out"), 0, NOW);
    assertThat(timeout.reason()).isEqualTo(FailureReason.TIMEOUT);
  }
}
