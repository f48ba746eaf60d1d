package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.testing.DaemonChild;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon as systemd runs it, in a child JVM: the engine pushes a burst, the daemon is
 * sent SIGTERM while the lanes are still draining under Discord's rate limit, and a restarted
 * daemon delivers the rest. Every notification reaches the fake Discord; nothing is lost.
 */
class GracefulStopTest {
  private static final int MESSAGES = 300;

  @TempDir Path home;

  @Test
  void sigtermUnderLoad_losesNothing_andARestartDeliversTheRest() throws Exception {
    Files.createDirectories(home.resolve(".opus"));
    Files.createDirectories(home.resolve("data"));
    Files.copy(Fixtures.path("live_status/fresh.sexp"), home.resolve(".opus/live_status.sexp"));
    try (FakeDiscord discord = new FakeDiscord()) {
      discord.start();
      FakeWebhook hook = discord.webhook("1001", "tok-graceful-stop");
      int pullPort = LoopbackPorts.free();
      Path config = Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
          "home: .",
          "discord:",
          "  api-base-url: " + discord.apiBaseUrl(),
          "notifier:",
          "  bind: tcp://127.0.0.1:" + pullPort,
          "  metrics-interval: 1s",
          "  heartbeat-interval: 2s",
          "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
          "admin:",
          "  listen: 127.0.0.1:" + LoopbackPorts.free(),
          ""));

      DaemonChild first = DaemonChild.start(config);
      try (Pusher engine = new Pusher("tcp://127.0.0.1:" + pullPort)) {
        for (int i = 0; i < MESSAGES; i++) {
          engine.send(envelope(hook, i));
        }
        // Under load: stop while the lanes are still draining the backlog at Discord's pace.
        await().atMost(Duration.ofSeconds(60)).until(() -> titles(hook).size() >= 20);
        assertThat(titles(hook)).hasSizeLessThan(MESSAGES);
        first.terminate("tok-graceful-stop");
        assertThat(first.log()).anyMatch(l -> l.contains("stopped spool"));

        DaemonChild second = DaemonChild.start(config);
        try {
          Set<String> expected = IntStream.range(0, MESSAGES).mapToObj(i -> "alert " + i)
              .collect(Collectors.toSet());
          await().atMost(Duration.ofSeconds(120)).untilAsserted(
              () -> assertThat(titles(hook)).containsAll(expected));
        } finally {
          second.terminate("tok-graceful-stop");
        }
      }
      assertThat(hook.requestsInsideAnnouncedWait()).isZero();
    }
  }

  private static String envelope(FakeWebhook hook, int i) {
    return "((type . \"NOTIFIER\") (schema_version . 1) (action . \"SEND\") (id . \"graceful-" + i + "\")"
        + " (webhook . \"" + hook.discordUrl() + "\")"
        + " (payload (embeds ((title . \"alert " + i + "\") (description . \"burst under SIGTERM\")))))";
  }

  private static Set<String> titles(FakeWebhook hook) {
    Set<String> titles = new HashSet<>();
    for (JsonNode body : hook.received()) {
      body.path("embeds").forEach(e -> titles.add(e.path("title").asText()));
    }
    return titles;
  }
}
