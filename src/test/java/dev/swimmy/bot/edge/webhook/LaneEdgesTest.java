package dev.swimmy.bot.edge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.FailureReason;
import dev.swimmy.bot.core.relay.SinkOutcome;
import dev.swimmy.bot.core.relay.WebhookAddress;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LaneEdgesTest {
  @Test
  void aNetworkFailure_isAValueWhoseTextNeverHoldsTheToken() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    HttpWebhookSink sink = new HttpWebhookSink(URI.create("http://127.0.0.1:" + port + "/api/v10"),
        Duration.ofSeconds(1), Duration.ofSeconds(1));
    SinkOutcome out = sink.post(new WebhookAddress("123", new Secret("very-secret-token")), "{}");
    assertThat(out).isInstanceOf(SinkOutcome.Failed.class);
    assertThat(out.toString()).doesNotContain("very-secret-token");
  }

  @Test
  void theLanesMetersAppearOnTheScrapeWithPrometheusNames() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LaneMetrics metrics = new LaneMetrics(registry);
    metrics.delivered(3);
    metrics.latency(Duration.ofSeconds(400));
    metrics.failure(FailureReason.AUTH_ERROR, 1);
    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("swimmy_notifier_delivered_total 3.0")
        .contains("swimmy_notifier_delivery_errors_total{reason=\"authError\"} 1.0")
        .doesNotContain("reason=\"rateLimited\"")
        .contains("swimmy_notifier_delivery_latency_seconds_bucket{le=\"600.0\"} 1")
        .contains("swimmy_notifier_rate_limited_total")
        .contains("swimmy_notifier_latency_p99_ms 400000.0");
  }
}
