package dev.swimmy.bot.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.testing.TestCharts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /panel} and its chart files over real HTTP on 127.0.0.1, from a real AdminServer. */
class OperatorPanelTest {
  static final Instant NOW = Instant.parse("2026-02-11T03:00:00Z");
  final TestCharts charts = new TestCharts("day v1", "relay v1");
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  volatile RuntimeException relayFails;
  AdminServer server;

  AdminServer start() throws Exception {
    OperatorPanel panel = new OperatorPanel(
        () -> Message.of(new Embed("Swimmy status — overview", "all " + OperatorPageFixtures.HOSTILE, 0x2ECC71, List.of(), "")),
        charts, () -> {
          if (relayFails != null) {
            throw relayFails;
          }
          return OperatorPageFixtures.health(NOW);
        }, () -> OperatorPageFixtures.lanes(NOW), OperatorPageFixtures.letters(NOW), () -> NOW, Duration.ofSeconds(30));
    server = AdminServer.start("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(),
        panel::html, () -> "{}", panel::chart);
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  HttpResponse<byte[]> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void chartFiles_areServedAsTheRendererDrewThem_and404WhileThereIsNothingToDraw() throws Exception {
    start();
    HttpResponse<byte[]> png = get("/panel/chart/pnl-today.png");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.body()).isEqualTo(charts.pnlToday(NOW).orElseThrow().png());
    HttpResponse<byte[]> svg = get("/panel/chart/relay-24h.svg");
    assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(charts.relay24h(NOW).orElseThrow().svg());

    charts.pnlData(null);
    assertThat(get("/panel/chart/pnl-today.png").statusCode()).isEqualTo(404);
    assertThat(get("/panel/chart/weather.png").statusCode()).isEqualTo(404);
    assertThat(get("/panel/chart/..%2Fmetrics.png").statusCode()).isEqualTo(404);
  }

  @Test
  void thePage_showsChartsAndTheRelaysState_escaped_andWithoutWebhookTokens() throws Exception {
    start();
    HttpResponse<byte[]> r = get("/panel");
    String html = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    Document dom = Jsoup.parse(html);

    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    assertThat(dom.select("img.chart").eachAttr("src"))
        .allSatisfy(src -> assertThat(src).startsWith("/panel/chart/"))
        .hasSize(3);
    assertThat(dom.select("script[src], link[href]")).as("no external scripts or styles").isEmpty();
    assertThat(dom.select("#wait").text()).contains("Sending paused until").contains("Invalid requests in the last 10 min: 12");
    assertThat(dom.select("#lanes tr")).hasSize(3);
    assertThat(dom.select("#lanes").text()).contains("1200000000000000001").contains("dead").contains("1200000000000000002")
        .contains("SERVER_ERROR 503");
    assertThat(dom.select("#lane-figures tr")).as("each lane's own figures, the failing one first").hasSize(3);
    assertThat(dom.select("#lane-figures tr").get(1).text()).isEqualTo("1200000000000000002 1200 9 80 ms");
    assertThat(dom.select("#lane-figures tr").get(2).text()).isEqualTo("1200000000000000003 34 0 —");
    assertThat(dom.select("#dead-webhooks").text()).contains("404 Unknown Webhook");
    assertThat(dom.select("#dead-letters tr")).hasSize(3);
    assertThat(dom.select("#dead-letters").text()).contains(OperatorPageFixtures.HOSTILE);
    assertThat(dom.select("#relay").text()).contains("Dead letters (23)").contains("… and 21 more");
    assertThat(dom.select("img[src=x]")).as("hostile text stays text").isEmpty();
    assertThat(html).doesNotContain(OperatorPageFixtures.TOKEN);
  }

  @Test
  void aRelayThatCannotBeRead_isSaidOnThePage_andTheRestStillShows() throws Exception {
    relayFails = new IllegalStateException("spool gone");
    start();
    HttpResponse<byte[]> r = get("/panel");
    assertThat(r.statusCode()).isEqualTo(200);
    Document dom = Jsoup.parse(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(dom.select(".problem").text()).contains("The relay's health could not be read");
    assertThat(dom.select("img.chart")).hasSize(3);
    assertThat(dom.select("#lanes")).isNotEmpty();
  }
}
