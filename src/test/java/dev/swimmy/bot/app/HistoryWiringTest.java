package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.app.config.ConfigException;
import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.testing.EngineLiveStatus;
import dev.swimmy.bot.testing.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon feeds its history: the live status it reads and the relay's minutes end up in
 * {@code history.db} beside the spool, and its charts draw them. Also the {@code history.*} keys.
 */
class HistoryWiringTest {
  @TempDir Path home;

  private Path config(String history) throws Exception {
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve(".opus"));
    return Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
        "home: " + home,
        "discord:",
        "  api-base-url: http://127.0.0.1:" + LoopbackPorts.free(),
        "status:",
        "  market-hours: always",
        "notifier:",
        "  bind: tcp://127.0.0.1:" + LoopbackPorts.free(),
        "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
        "admin:",
        "  listen: 127.0.0.1:0",
        history,
        ""));
  }

  @Test
  void theDaemonRecordsTheLiveStatusAndTheRelayAndDrawsThem() throws Exception {
    Config config = ConfigLoader.load(config(""), Map.of());
    Instant written = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Files.writeString(home.resolve(".opus/live_status.sexp"), EngineLiveStatus.writtenAt(written));
    Daemon daemon = new Daemon(config, Map.of(), Clock.systemUTC());
    try {
      daemon.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> daemon.charts().pnlToday(Instant.now()).isPresent());
      ChartImage today = daemon.charts().pnlToday(Instant.now()).orElseThrow();
      assertThat(today.png()).isNotEmpty();
      // the operator's page shows the same picture the history drew, served by the real admin server
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + daemon.adminPort();
      String page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/panel")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      assertThat(page).contains("/panel/chart/" + today.fileName());
      java.net.http.HttpResponse<byte[]> png = http.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(base + "/panel/chart/" + today.fileName())).build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertThat(png.statusCode()).isEqualTo(200);
      java.awt.image.BufferedImage served = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
      assertThat(served.getWidth()).isEqualTo(today.width());
      assertThat(served.getHeight()).isEqualTo(today.height());
      await().atMost(Duration.ofSeconds(90)).until(() -> daemon.charts().relay24h(Instant.now().plusSeconds(60)).isPresent());
    } finally {
      daemon.stop();
    }
    assertThat(home.resolve("data/history.db")).exists();
  }

  @Test
  void theHistoryKeysAreReadAndDefaultBesideTheSpool() throws Exception {
    Config d = ConfigLoader.load(config(""), Map.of());
    assertThat(d.history().path()).isEqualTo(home.resolve("data/history.db"));
    assertThat(d.history().retention()).isEqualTo(Duration.ofDays(90));
    assertThat(d.history().maxRows()).isEqualTo(2_000_000);

    Config c = ConfigLoader.load(config("history:\n  path: var/h.db\n  retention: 30d\n  max-rows: 5000"), Map.of());
    assertThat(c.history().path()).isEqualTo(home.resolve("var/h.db"));
    assertThat(c.history().retention()).isEqualTo(Duration.ofDays(30));
    assertThat(c.history().maxRows()).isEqualTo(5000);

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ConfigLoader.load(config("history:\n  retention: 0s"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("history.retention");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> ConfigLoader.load(config("history:\n  keep: 3d"), Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("history.keep");
  }
}
