package dev.swimmy.bot.edge.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.app.StatusService;
import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.core.render.DiscordJson;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.HeadlessChromium;
import dev.swimmy.bot.testing.TestCharts;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serves {@code /panel} for a mix of fixture states and loads it in real headless Chromium: the
 * DOM must show each source with its own time and its badge, and the ticking script must have
 * run. The screenshot lands in {@code target/panel-screenshot.png} for review. The operator page
 * (status, charts, relay state) is loaded the same way and saved as {@code target/panel.png}.
 */
class PanelBrowserTest {
  private static final Instant FIXTURE_NOW = Instant.ofEpochSecond(1770779899).plusSeconds(10);

  @TempDir Path home;

  @Test
  void panelPage_inChromium_showsOwnTimesBadgesAndTickingAges() throws Exception {
    Files.createDirectories(home.resolve(".opus"));
    Files.createDirectories(home.resolve("data"));
    Files.copy(Fixtures.path("live_status/schema-v3.sexp"), home.resolve(".opus/live_status.sexp"));
    Files.copy(Fixtures.path("system_metrics/stale-2h.sexp"), home.resolve("data/system_metrics.sexp"));
    Files.copy(Fixtures.path("backtest_cache/small.sexp"), home.resolve("data/backtest_cache.sexp"));
    Path yaml = Files.writeString(home.resolve("swimmy-bot.yaml"), "home: .\n");
    Config config = ConfigLoader.load(yaml, Map.of());
    Clock clock = Clock.fixed(FIXTURE_NOW, ZoneOffset.UTC);
    StatusService status = StatusService.create(config.status(), clock);

    try (AdminServer server = AdminServer.start("127.0.0.1", 0,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(),
        () -> PanelPage.render(status.message(StatusSection.OVERVIEW), clock.instant(), Duration.ofSeconds(30)),
        () -> DiscordJson.toJson(status.message(StatusSection.OVERVIEW)))) {
      String url = "http://127.0.0.1:" + server.port() + "/panel";
      HeadlessChromium chromium = new HeadlessChromium(Files.createDirectories(home.resolve("chromium")));

      Document dom = chromium.dom(url, 1500);
      List<String> badges = dom.select(".badge").eachText();
      assertThat(badges).contains("🟣 SCHEMA v3≠v2", "🟠 STALE", "🟢 OK");
      assertThat(dom.select("article.embed")).isNotEmpty();
      assertThat(dom.select("article.embed").first().attr("data-colour")).isNotEqualTo("#1e1f22");
      String text = dom.select("#panel").text();
      assertThat(text).contains("2026-02-11").contains("JST");

      Element metricsTime = dom.selectFirst("time.ts[data-unix=1770772699]");
      assertThat(metricsTime).as("system metrics' own time, 2 h before the fixtures' now").isNotNull();
      // The page's script recomputed the age against the browser's real clock, months later.
      assertThat(metricsTime.text()).endsWith("ago").doesNotContain("hours");
      assertThat(dom.select("time.ts").eachAttr("data-unix")).doesNotContain(String.valueOf(FIXTURE_NOW.getEpochSecond()));

      Path png = chromium.screenshot(url, Path.of("target/panel-screenshot.png"));
      assertThat(Files.size(png)).isGreaterThan(5_000);
    }
  }

  @Test
  void operatorPage_inChromium_showsTheChartsLoadedAndSized_besideTheRelaysState() throws Exception {
    Files.createDirectories(home.resolve(".opus"));
    Files.createDirectories(home.resolve("data"));
    Files.copy(Fixtures.path("live_status/schema-v3.sexp"), home.resolve(".opus/live_status.sexp"));
    Files.copy(Fixtures.path("system_metrics/stale-2h.sexp"), home.resolve("data/system_metrics.sexp"));
    Files.copy(Fixtures.path("backtest_cache/small.sexp"), home.resolve("data/backtest_cache.sexp"));
    Path yaml = Files.writeString(home.resolve("swimmy-bot.yaml"), "home: .\n");
    Config config = ConfigLoader.load(yaml, Map.of());
    Clock clock = Clock.fixed(FIXTURE_NOW, ZoneOffset.UTC);
    StatusService status = StatusService.create(config.status(), clock);
    TestCharts charts = new TestCharts("day v1", "relay v1");
    OperatorPanel panel = new OperatorPanel(() -> status.message(StatusSection.OVERVIEW), charts,
        () -> OperatorPageFixtures.health(FIXTURE_NOW), () -> OperatorPageFixtures.lanes(FIXTURE_NOW),
        OperatorPageFixtures.letters(FIXTURE_NOW), clock, Duration.ofSeconds(30));

    try (AdminServer server = AdminServer.start("127.0.0.1", 0,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(), panel::html, () -> "{}", panel::chart)) {
      String url = "http://127.0.0.1:" + server.port() + "/panel";
      HeadlessChromium chromium = new HeadlessChromium(Files.createDirectories(home.resolve("chromium")));

      Document dom = chromium.dom(url, 3000);
      List<Element> images = dom.select("img.chart");
      assertThat(images).extracting(i -> i.attr("src").replaceAll("\\?.*", ""))
          .containsExactly("/panel/chart/pnl-today.png", "/panel/chart/pnl-month.png", "/panel/chart/relay-24h.png");
      for (Element img : images) {
        assertThat(img.attr("data-natural")).as("decoded by the browser: %s", img.attr("src"))
            .isEqualTo(TestCharts.WIDTH + "x" + TestCharts.HEIGHT);
        String[] box = img.attr("data-box").split("x");
        assertThat(Integer.parseInt(box[0])).as("laid out wide").isGreaterThanOrEqualTo(300);
        assertThat(Integer.parseInt(box[1])).as("laid out tall").isGreaterThanOrEqualTo(100);
      }
      assertThat(dom.select(".badge").eachText()).contains("🟠 STALE", "🟢 OK");
      assertThat(dom.select("#wait").text()).contains("Sending paused until");
      assertThat(dom.select("#lanes").text()).contains("1200000000000000001").contains("dead");
      assertThat(dom.select("#dead-letters").text()).contains(OperatorPageFixtures.HOSTILE);
      assertThat(dom.select("img[src=x]")).isEmpty();
      assertThat(dom.outerHtml()).doesNotContain(OperatorPageFixtures.TOKEN);

      Path png = chromium.screenshot(url, Path.of("target/panel.png"), 1400, 1300);
      BufferedImage shot = ImageIO.read(png.toFile());
      assertThat(pixels(shot, TestCharts.PNL_COLOUR.getRGB())).as("PnL chart line on screen").isGreaterThan(200);
      assertThat(pixels(shot, TestCharts.RELAY_COLOUR.getRGB())).as("relay chart line on screen").isGreaterThan(200);
    }
  }

  private static int pixels(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
          n++;
        }
      }
    }
    return n;
  }
}
