package dev.swimmy.bot.edge.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.core.health.Pulse;
import dev.swimmy.bot.testing.FakeSystemd;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pinging thread against a real datagram socket: it pings while the part's pulse is fresh,
 * stops (and says which part in STATUS) while it is stale, and pings again once it recovers.
 */
class SystemdWatchdogTest {
  private static final Duration EVERY = Duration.ofMillis(100);

  @TempDir Path dir;

  @Test
  void pingsWhileThePartTurns_stopsWhileItIsWedged_andResumes() throws Exception {
    // The part's last turn: in the future while it turns (fresh at every tick), then long past.
    AtomicReference<Instant> lastTurn = new AtomicReference<>(Instant.now().plusSeconds(3600));
    try (FakeSystemd systemd = FakeSystemd.atPath(dir.resolve("notify"));
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()))) {
      try (SystemdWatchdog watchdog = SystemdWatchdog.start(notifier, EVERY,
          () -> List.of(new Pulse.Turned("test loop", lastTurn.get(), Duration.ofSeconds(3))),
          () -> "all good", Clock.systemUTC())) {
        await().atMost(Duration.ofSeconds(20)).until(() -> systemd.with("WATCHDOG=1").size() >= 3);
        assertThat(systemd.with("STATUS=all good")).isNotEmpty();

        lastTurn.set(Instant.now().minusSeconds(60));
        await().atMost(Duration.ofSeconds(20))
            .until(() -> systemd.received().stream().anyMatch(d -> d.text().contains("wedged: test loop")));
        int pingsWhenWedged = systemd.with("WATCHDOG=1").size();
        // Several ticks later still no ping (each tick after the wedge repeats the STATUS only).
        await().atMost(Duration.ofSeconds(20)).until(() -> systemd.received().stream()
            .filter(d -> d.text().contains("wedged: test loop")).count() >= 5);
        assertThat(systemd.with("WATCHDOG=1")).hasSize(pingsWhenWedged);

        lastTurn.set(Instant.now().plusSeconds(3600));
        await().atMost(Duration.ofSeconds(20)).until(() -> systemd.with("WATCHDOG=1").size() > pingsWhenWedged);
      }
    }
  }
}
