package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.testing.DaemonChild;
import dev.swimmy.bot.testing.Fault;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon in a child JVM, restarted: a notification to a webhook that answers 404 makes
 * one "dead webhook" admin alert on the alerts webhook, and the restarted daemon, finding the
 * webhook still dead in its spool, does not announce it again.
 */
class AlertRestartTest {
  @TempDir Path home;

  @Test
  void aDeadWebhookAnnouncedBeforeARestart_isNotAnnouncedAgainAfterIt() throws Exception {
    Files.createDirectories(home.resolve(".opus"));
    Files.createDirectories(home.resolve("data"));
    Files.copy(Fixtures.path("live_status/fresh.sexp"), home.resolve(".opus/live_status.sexp"));
    try (FakeDiscord discord = new FakeDiscord()) {
      discord.start();
      FakeWebhook gone = discord.webhook("1001", "tok-gone");
      gone.faults().always(Fault.UNKNOWN_WEBHOOK);
      FakeWebhook alerts = discord.webhook("1002", "tok-alerts");
      int pullPort = LoopbackPorts.free();
      Path config = Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
          "home: .",
          "discord:",
          "  api-base-url: " + discord.apiBaseUrl(),
          "  alerts-webhook: " + alerts.discordUrl(),
          "notifier:",
          "  bind: tcp://127.0.0.1:" + pullPort,
          "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
          "admin:",
          "  listen: 127.0.0.1:" + LoopbackPorts.free(),
          // the fixture's live status is months old and there is no backtest cache: optional, so
          // that on a weekday no dead-man alert joins the one this test counts
          "status:",
          "  live-status:",
          "    required: false",
          "  backtest-cache:",
          "    required: false",
          ""));

      DaemonChild first = DaemonChild.start(config);
      try (Pusher engine = new Pusher("tcp://127.0.0.1:" + pullPort)) {
        engine.send("((type . \"NOTIFIER\") (schema_version . 1) (action . \"SEND\") (id . \"restart-1\")"
            + " (webhook . \"" + gone.discordUrl() + "\") (payload (content . \"to a deleted webhook\")))");
        await().atMost(Duration.ofSeconds(60)).until(() -> alerts.received().size() == 1);
      } finally {
        first.terminate("tok-gone", "tok-alerts");
      }
      assertThat(alerts.received().get(0).toString()).contains("Dead webhook").contains("1001");

      DaemonChild second = DaemonChild.start(config);
      try {
        await().atMost(Duration.ofSeconds(30))
            .until(() -> second.log().stream().anyMatch(l -> l.contains("episode(s) still open from the last run")));
        // The first poll posts what it announces right after that line; give it ample time.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(
            () -> assertThat(alerts.received()).as("announcements after the restart").hasSize(1));
      } finally {
        second.terminate("tok-gone", "tok-alerts");
      }
      assertThat(gone.requests()).hasSize(1);
    }
  }
}
