package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.Fault;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each lane's figures go from real deliveries (the engine's PUSH, the spool, the real lanes, the
 * loopback fake Discord) through the daemon's minute sampling into {@code history.db}'s {@code
 * relay_lane_minute}, and onto {@code /panel}. The writer samples at whole minutes, so this waits
 * up to a minute of wall time.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RelayLaneHistoryWiringTest {
  @TempDir Path home;

  @Test
  void eachLanesDeliveriesAndFailedAttemptsReachTheHistoryAndThePanel() throws Exception {
    try (FakeDiscord fake = new FakeDiscord().start()) {
      FakeWebhook healthy = fake.webhook("7001", "tok-7001");
      FakeWebhook flaky = fake.webhook("7002", "tok-7002");
      flaky.faults().next(Fault.SERVER_ERROR); // one failed attempt, then delivered
      int pullPort = LoopbackPorts.free();
      Daemon daemon = new Daemon(ConfigLoader.load(config(fake, pullPort), Map.of()), Map.of(), Clock.systemUTC());
      try {
        daemon.start();
        try (Pusher engine = new Pusher("tcp://127.0.0.1:" + pullPort)) {
          engine.send(envelope(healthy.discordUrl(), "a1"));
          engine.send(envelope(healthy.discordUrl(), "a2"));
          engine.send(envelope(flaky.discordUrl(), "b1"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> healthy.received().size() == 2 && flaky.received().size() == 1);

        Path db = home.resolve("data/history.db");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
            .until(() -> laneSums(db).size() == 2 && laneSums(db).get("7001")[0] == 2 && laneSums(db).get("7002")[0] == 1);
        Map<String, long[]> sums = laneSums(db);
        assertThat(sums.get("7001")).containsExactly(2, 0);
        assertThat(sums.get("7002")).as("the 500 is the lane's one failed attempt").containsExactly(1, 1);

        HttpResponse<String> panel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + daemon.adminPort() + "/panel")).build(), HttpResponse.BodyHandlers.ofString());
        Document dom = Jsoup.parse(panel.body());
        assertThat(dom.select("#lane-figures tr")).hasSize(3);
        assertThat(dom.select("#lane-figures tr").get(1).text()).startsWith("7002 1 1 ");
        assertThat(dom.select("#lane-figures tr").get(2).text()).startsWith("7001 2 0 ");
        assertThat(panel.body()).doesNotContain("tok-7001").doesNotContain("tok-7002");
      } finally {
        daemon.close();
      }
    }
  }

  /** Per lane: delivered and failed summed over every stored minute. */
  private static Map<String, long[]> laneSums(Path db) throws Exception {
    Map<String, long[]> out = new TreeMap<>();
    if (!Files.exists(db)) {
      return out;
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 5000");
      try (ResultSet rs = st.executeQuery("SELECT lane, SUM(delivered), SUM(failed) FROM relay_lane_minute GROUP BY lane")) {
        while (rs.next()) {
          out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
        }
      }
    } catch (java.sql.SQLException e) {
      return out; // the table is not there yet: the daemon has not opened its history
    }
    return out;
  }

  private Path config(FakeDiscord fake, int pullPort) throws Exception {
    Files.createDirectories(home.resolve("data"));
    return Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
        "home: " + home,
        "discord:",
        "  api-base-url: " + fake.apiBaseUrl(),
        "status:",
        "  market-hours: always",
        "notifier:",
        "  bind: tcp://127.0.0.1:" + pullPort,
        "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
        "admin:",
        "  listen: 127.0.0.1:0",
        ""));
  }

  private static String envelope(String webhookUrl, String content) {
    return "((type . \"NOTIFIER\") (webhook . \"" + webhookUrl + "\") (payload (content . \"" + content + "\")))";
  }
}
