package dev.swimmy.bot.edge.files;

import static dev.swimmy.bot.testing.Notifications.to;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.core.relay.RejectReason;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.core.sexp.SexpView;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.edge.spool.SqliteSpool;
import dev.swimmy.bot.edge.webhook.LaneMetrics;
import dev.swimmy.bot.testing.ExternalTool;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayFiguresFileTest {
  private static final Instant NOW = Instant.parse("2026-02-11T03:18:19Z");
  private static final List<String> KEYS = List.of("schema_version", "timestamp", "queue_len", "drops", "errors",
      "delivered", "rejected", "retries", "rate_limited", "dedupe_suppressed", "dead_webhooks",
      "oldest_pending_age_secs", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms");

  @TempDir Path dir;

  private Path writeFile() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    RelayMetrics metrics = new RelayMetrics(registry);
    Path file = dir.resolve("data/notifier_metrics.sexp");
    try (SqliteSpool spool = SqliteSpool.open(dir.resolve("spool.db"), SqliteSpool.Settings.of(100, Duration.ofSeconds(180)),
        Clock.fixed(NOW, ZoneOffset.UTC), metrics::spoolWriteFailed)) {
      spool.commit(List.of(to("1", "a", NOW.minusSeconds(42)), to("1", "b", NOW)), NOW);
      metrics.rejected(RejectReason.FOREIGN_WEBHOOK, 3);
      metrics.dropped(2);
      LanesHealth lanes = new LanesHealth(NOW, 1, 1, 0, Map.of("serverError", 1L), 250, 250, 250, 42, Map.of(),
          Set.of(), 0, Optional.empty(), 0, 0);
      new RelayFiguresFile(file, spool, metrics, () -> lanes, Clock.fixed(NOW, ZoneOffset.UTC)).write();
    }
    return file;
  }

  @Test
  void theFile_hasEveryKeyOfSpecInOrderWithUniversalTime() throws Exception {
    Path file = writeFile();
    SexpMap map = SexpView.asMap(new SexpReader().read(Files.readString(file))).orElseThrow();
    assertThat(map.keys()).containsExactlyElementsOf(KEYS);
    assertThat(map.number("timestamp")).contains(NOW.getEpochSecond() + 2_208_988_800L);
    assertThat(map.number("queue_len")).contains(2L);
    assertThat(map.number("oldest_pending_age_secs")).contains(42L);
    assertThat(map.number("rejected")).contains(3L);
    assertThat(map.number("drops")).contains(2L);
    assertThat(map.number("delivered")).contains(1L);
    assertThat(map.number("errors")).contains(1L);
    assertThat(map.number("retries")).contains(1L);
    assertThat(map.number("latency_p50_ms")).contains(250L);
  }

  @Test
  void sbclsOwnReader_readsTheFile() throws Exception {
    Path sbcl = ExternalTool.require("sbcl", "sbcl");
    Path file = writeFile();
    Process p = new ProcessBuilder(sbcl.toString(), "--script",
        Path.of("src/test/resources/lisp/lisp_to_json.lisp").toAbsolutePath().toString(), file.toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    JsonNode line = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    assertThat(line.has("error")).as(out).isFalse();
    JsonNode value = line.get("value");
    for (String key : KEYS) {
      assertThat(value.has(key)).as(key).isTrue();
    }
    assertThat(value.get("queue_len").asLong()).isEqualTo(2);
  }

  @Test
  void prometheusNames_areTheOnesSpecFixes() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new RelayMetrics(registry);
    new LaneMetrics(registry);
    assertThat(registry.scrape()).contains(
        "swimmy_notifier_queue_length ", "swimmy_notifier_delivered_total ", "swimmy_notifier_dropped_total ",
        "swimmy_notifier_rejected_total{intake=\"zmq\",reason=\"foreign_webhook\"}",
        "swimmy_notifier_queued_total{intake=\"http\"}", "swimmy_notifier_dedupe_suppressed_total ",
        "swimmy_notifier_spool_write_failures_total ", "swimmy_notifier_intake_rebuilds_total ",
        "swimmy_notifier_delivery_latency_seconds_bucket{le=\"600.0\"}", "swimmy_notifier_retries_total ",
        "swimmy_notifier_rate_limited_total ", "swimmy_notifier_delivery_errors_total{reason=\"serverError\"}",
        "swimmy_notifier_dead_lettered_total ", "swimmy_notifier_expired_total ");
  }
}
