package dev.swimmy.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.app.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The whole daemon (the real {@code main}) in its own JVM, as systemd runs it, with its log collected. */
public record DaemonChild(Process process, List<String> log) {
  /** Starts the daemon on {@code config} and waits until it says it is running. */
  public static DaemonChild start(Path config) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--config", config.toString())
        .redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("SWIMMY_") || k.equals("CREDENTIALS_DIRECTORY"));
    Process p = pb.start();
    List<String> log = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          log.add(line);
        }
      } catch (IOException e) {
        log.add("log reader: " + e);
      }
    }, "test-child-log");
    reader.setDaemon(true);
    reader.start();
    DaemonChild child = new DaemonChild(p, log);
    await().atMost(Duration.ofSeconds(60))
        .failFast("daemon exited", () -> !p.isAlive())
        .until(() -> log.stream().anyMatch(l -> l.contains("swimmy-bot running")));
    return child;
  }

  /** SIGTERM, as systemctl stop sends it; waits for a clean exit and checks no secret was logged. */
  public void terminate(String... secrets) throws InterruptedException {
    // ProcessHandle's destroy sends SIGTERM without closing our end of its output, unlike
    // Process.destroy, so the shutdown log can still be read.
    process.toHandle().destroy();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    assertThat(exited).as("exited within 60 s of SIGTERM; log:%n%s", String.join("\n", log)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> log.stream().anyMatch(l -> l.contains("stopped instance lock")));
    for (String secret : secrets) {
      assertThat(log).noneMatch(l -> l.contains(secret));
    }
  }
}
