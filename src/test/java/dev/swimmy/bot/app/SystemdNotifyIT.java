package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.testing.FakeSystemd;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.JarChild;
import dev.swimmy.bot.testing.LoopbackPorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as systemd runs it ({@code Type=notify} with a watchdog), against a datagram
 * socket the test binds as systemd would: READY once started, WATCHDOG pings every half of
 * {@code WATCHDOG_USEC} while the parts are alive, no pings once one is wedged (here the status
 * refresh, blocked for real on a FIFO at the live status path), STOPPING on SIGTERM and exit 0.
 */
class SystemdNotifyIT {
  /** systemd's WatchdogSec for the child: 2 s, so a ping is due every second. */
  private static final long WATCHDOG_USEC = 2_000_000;
  private static final Duration HALF = Duration.ofNanos(WATCHDOG_USEC * 1000 / 2);

  @TempDir Path home;

  @Test
  void readyThenPingsAtHalfTheInterval_noneOnceAPartIsWedged_thenStoppingAndExitZero() throws Exception {
    Path config = config();
    try (FakeSystemd systemd = FakeSystemd.atPath(home.resolve("notify.sock"));
        JarChild child = JarChild.start(config, Map.of(
            "NOTIFY_SOCKET", systemd.notifySocket(), "WATCHDOG_USEC", Long.toString(WATCHDOG_USEC)))) {
      await().atMost(Duration.ofSeconds(60))
          .failFast("daemon exited; log:\n" + child.logText(), () -> !child.process().isAlive())
          .until(() -> systemd.with("WATCHDOG=1").size() >= 5);
      assertThat(systemd.received().get(0).lines()).as("first datagram").contains("READY=1");
      assertThat(systemd.with("READY=1")).hasSize(1);
      assertThat(systemd.with("WATCHDOG=1").get(0).lines())
          .anyMatch(l -> l.startsWith("STATUS=relay: ") && l.contains("pending"));
      // Not a timing benchmark: pings come about every half interval, not in bursts. The median
      // gap, since a stall of this test's reader can bunch up the receipt of a few datagrams.
      List<Duration> gaps = systemd.gapsBetween("WATCHDOG=1").stream().sorted().toList();
      assertThat(gaps.get(gaps.size() / 2)).as("median gap of %s", gaps)
          .isGreaterThan(HALF.multipliedBy(4).dividedBy(10));

      // Wedge the status refresh for real: opening a FIFO for reading blocks until a writer comes.
      Path live = home.resolve(".opus/live_status.sexp");
      Files.delete(live);
      Process mkfifo = new ProcessBuilder("mkfifo", live.toString()).inheritIO().start();
      assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo").isTrue();

      child.awaitLog("status refresh is wedged", Duration.ofSeconds(150));
      // The tick that logged it sent this STATUS instead of a ping; datagrams arrive in order.
      await().atMost(Duration.ofSeconds(10))
          .until(() -> systemd.received().stream().anyMatch(d -> d.text().contains("STATUS=wedged: status refresh")));
      int pings = systemd.with("WATCHDOG=1").size();
      await().during(HALF.multipliedBy(5)).atMost(HALF.multipliedBy(10))
          .until(() -> systemd.with("WATCHDOG=1").size() == pings);
      assertThat(child.log().stream().filter(l -> l.contains("status refresh is wedged"))).as("logged once").hasSize(1);

      int exit = child.terminate(Duration.ofSeconds(60));
      assertThat(exit).as("exit status after SIGTERM; log:%n%s", child.logText()).isZero();
      assertThat(systemd.with("STOPPING=1")).hasSize(1);
    }
  }

  @Test
  void anAbstractNotifySocket_getsReadyPingsAndStopping() throws Exception {
    Path config = config();
    try (FakeSystemd systemd = FakeSystemd.abstractName("swimmy-it-" + UUID.randomUUID());
        JarChild child = JarChild.start(config, Map.of(
            "NOTIFY_SOCKET", systemd.notifySocket(), "WATCHDOG_USEC", Long.toString(WATCHDOG_USEC)))) {
      await().atMost(Duration.ofSeconds(60))
          .failFast("daemon exited; log:\n" + child.logText(), () -> !child.process().isAlive())
          .until(() -> systemd.with("WATCHDOG=1").size() >= 2);
      assertThat(systemd.with("READY=1")).hasSize(1);
      // The unit's -XX:-UsePerfData, as its comment promises: jps, which lists this test's own JVM,
      // does not list the bot; jcmd PID still answers.
      long pid = child.process().pid();
      assertThat(jdkTool("jps", "-q")).as("jps lists this test's JVM").contains(Long.toString(ProcessHandle.current().pid()))
          .as("jps does not list the bot (pid %d)", pid).doesNotContain(Long.toString(pid));
      assertThat(jdkTool("jcmd", Long.toString(pid), "VM.uptime")).as("jcmd PID VM.uptime").isNotEmpty();

      int exit = child.terminate(Duration.ofSeconds(60));
      assertThat(exit).as("exit status after SIGTERM; log:%n%s", child.logText()).isZero();
      List<String> last = systemd.received().get(systemd.received().size() - 1).lines();
      assertThat(last).as("the last datagram").contains("STOPPING=1");
      assertThat(child.log()).anyMatch(l -> l.contains("stopped instance lock"));
    }
  }

  /** Runs a tool of the JDK running this test; its output lines, or a failure if it does not exit 0. */
  private static List<String> jdkTool(String tool, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s exited; output:%n%s", command, out).isTrue();
    assertThat(p.exitValue()).as("%s exit status; output:%n%s", command, out).isZero();
    return out.lines().map(String::strip).toList();
  }

  private Path config() throws Exception {
    Files.createDirectories(home.resolve(".opus"));
    Files.createDirectories(home.resolve("data"));
    Files.copy(Fixtures.path("live_status/fresh.sexp"), home.resolve(".opus/live_status.sexp"));
    return Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
        "home: .",
        "notifier:",
        "  bind: tcp://127.0.0.1:" + LoopbackPorts.free(),
        "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
        "admin:",
        "  listen: 127.0.0.1:" + LoopbackPorts.free(),
        ""));
  }
}
