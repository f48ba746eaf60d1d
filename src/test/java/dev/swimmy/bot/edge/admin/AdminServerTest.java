package dev.swimmy.bot.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.edge.admin.AdminServer.Readiness;
import dev.swimmy.bot.edge.admin.AdminServer.ReadinessCheck;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminServerTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicBoolean spoolOpen = new AtomicBoolean(true);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private AdminServer server;

  @BeforeEach
  void start() throws Exception {
    registry.counter("swimmy.notifier.delivered").increment(3);
    server = AdminServer.start("127.0.0.1", 0, registry,
        List.of(new ReadinessCheck("spool", () -> spoolOpen.get() ? Readiness.up("open") : Readiness.down("closed"))),
        () -> "<html><body>panel</body></html>", () -> "{\"embeds\":[]}");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metrics_arePrometheusText() throws Exception {
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("swimmy_notifier_delivered_total 3.0");
  }

  @Test
  void healthz_answersWhileTheProcessRuns() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void readyz_namesThePartThatIsDown() throws Exception {
    assertThat(get("/readyz").statusCode()).isEqualTo(200);
    spoolOpen.set(false);
    HttpResponse<String> r = get("/readyz");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("FAIL spool: closed");
  }

  @Test
  void panel_isServedAsHtml_andUnknownPathsAre404() throws Exception {
    HttpResponse<String> r = get("/panel");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(get("/panelx").statusCode()).isEqualTo(404);
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void writes_areRefused() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
  }
}
