package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.TestCharts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's own {@code /panel}: the charts it was given and the relay's state, over real HTTP. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DaemonPanelTest {
  @TempDir Path home;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theDaemonsPanel_showsItsChartsAndTheRelay() throws Exception {
    Files.createDirectories(home.resolve("data"));
    Path config = Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
        "home: " + home,
        "notifier:",
        "  bind: tcp://127.0.0.1:" + LoopbackPorts.free(),
        "admin:",
        "  listen: 127.0.0.1:0",
        ""));
    TestCharts charts = new TestCharts("day v1", "relay v1");
    try (Daemon daemon = new Daemon(ConfigLoader.load(config, Map.of()), Map.of(), Clock.systemUTC(), charts)) {
      daemon.start();
      String base = "http://127.0.0.1:" + daemon.adminPort();

      Document page = Jsoup.parse(get(base + "/panel").body());
      assertThat(page.select("img.chart").eachAttr("src")).hasSize(3);
      assertThat(page.select("#relay").text()).contains("Queue").contains("Dead letters (0)")
          .contains("No lane has failed since start.");
      HttpResponse<String> png = get(base + "/panel/chart/pnl-today.png");
      assertThat(png.statusCode()).isEqualTo(200);
      assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
