package dev.swimmy.bot.edge.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.testing.FakeSystemd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notify protocol against a real {@code AF_UNIX} datagram socket bound by the test. */
class SystemdNotifierTest {
  @TempDir Path dir;

  @Test
  void sendsEachStateAsOneDatagram_toASocketPath() throws Exception {
    try (FakeSystemd systemd = FakeSystemd.atPath(dir.resolve("notify"));
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()))) {
      notifier.ready("relay: 0 pending");
      notifier.watchdog("relay: 1 pending\nsecond line");
      notifier.stopping();
      await().atMost(Duration.ofSeconds(10)).until(() -> systemd.received().size() == 3);
      assertThat(systemd.received()).extracting(FakeSystemd.Datagram::text).containsExactly(
          "READY=1\nSTATUS=relay: 0 pending",
          "WATCHDOG=1\nSTATUS=relay: 1 pending second line",
          "STOPPING=1\nSTATUS=stopping");
    }
  }

  @Test
  void reachesASocketInTheAbstractNamespace() throws Exception {
    try (FakeSystemd systemd = FakeSystemd.abstractName("swimmy-test-" + UUID.randomUUID());
        SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", systemd.notifySocket()))) {
      assertThat(notifier.active()).isTrue();
      notifier.status("hello");
      await().atMost(Duration.ofSeconds(10)).until(() -> systemd.with("STATUS=hello").size() == 1);
    }
  }

  @Test
  void withoutNotifySocket_orWithAnUnusableOne_doesNothing_andNeverThrows() {
    SystemdNotifier off = SystemdNotifier.fromEnvironment(Map.of());
    assertThat(off.active()).isFalse();
    off.ready("x");
    SystemdNotifier relative = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", "relative/path"));
    assertThat(relative.active()).isFalse();
    SystemdNotifier nobodyListens =
        SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", dir.resolve("absent").toString()));
    nobodyListens.watchdog("x");
    nobodyListens.close();
  }

  @Test
  void pingsEveryHalfOfWatchdogUsec_onlyForTheProcessItNames() {
    assertThat(SystemdNotifier.watchdogPingInterval(Map.of("WATCHDOG_USEC", "60000000"), 42))
        .contains(Duration.ofSeconds(30));
    assertThat(SystemdNotifier.watchdogPingInterval(
        Map.of("WATCHDOG_USEC", "2000000", "WATCHDOG_PID", "42"), 42)).contains(Duration.ofSeconds(1));
    assertThat(SystemdNotifier.watchdogPingInterval(
        Map.of("WATCHDOG_USEC", "2000000", "WATCHDOG_PID", "7"), 42)).isEmpty();
    assertThat(SystemdNotifier.watchdogPingInterval(Map.of(), 42)).isEmpty();
    assertThat(SystemdNotifier.watchdogPingInterval(Map.of("WATCHDOG_USEC", "soon"), 42)).isEmpty();
    assertThat(SystemdNotifier.watchdogPingInterval(Map.of("WATCHDOG_USEC", "0"), 42)).isEmpty();
  }
}
