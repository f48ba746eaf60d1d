package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.edge.systemd.SystemdWatchdog;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop can take at most the stop budgets of the parts the daemon started (each part is given
 * up on after its budget) plus the watchdog thread's wait; with every part on (the bot too),
 * that must leave a margin under the unit's {@code TimeoutStopSec}, or systemd would SIGKILL a
 * bot still parking its sends.
 */
class DaemonStopBudgetTest {
  private static final Duration MARGIN = Duration.ofSeconds(10);

  @TempDir Path home;

  @Test
  void everyPartsStopBudget_addsUpToWellUnderTimeoutStopSec() throws Exception {
    Duration timeoutStop = Duration.ofSeconds(Long.parseLong(
        SystemdUnitTest.service().get("TimeoutStopSec").replaceAll("s$", "")));
    Files.createDirectories(home.resolve("data"));
    try (FakeDiscord discord = new FakeDiscord().start()) {
      Path file = Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
          "home: .",
          "discord:",
          "  token: " + discord.botToken(),
          "  api-base-url: " + discord.apiBaseUrl(),
          "notifier:",
          "  bind: tcp://127.0.0.1:" + LoopbackPorts.free(),
          "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
          "admin:",
          "  listen: 127.0.0.1:" + LoopbackPorts.free(),
          ""));
      Daemon daemon = new Daemon(ConfigLoader.load(file, Map.of()), Map.of(), Clock.systemUTC());
      try {
        daemon.start();
        Duration worstStop = daemon.stopBudget().plus(SystemdWatchdog.STOP_WAIT);
        assertThat(worstStop).as("stop budgets of every part plus the watchdog's")
            .isLessThanOrEqualTo(timeoutStop.minus(MARGIN));
      } finally {
        daemon.stop();
      }
    }
  }
}
