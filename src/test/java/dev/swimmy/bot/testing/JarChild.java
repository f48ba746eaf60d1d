package dev.swimmy.bot.testing;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The packaged daemon as systemd runs it: {@code java OPTIONS -jar target/swimmy-bot.jar --config
 * PATH} in its own JVM, OPTIONS being the shipped unit's own ({@link #unitJvmOptions()}: heap
 * bounds, exit on out-of-memory, no perf data), with the environment the test gives it (none of
 * the test's own {@code SWIMMY_*}, credential or systemd variables leak in), its log collected
 * line by line. The jar's path comes
 * from Failsafe's {@code swimmy.jar}, so *IT tests run it after {@code package}.
 */
public final class JarChild implements AutoCloseable {
  private static final int MAX_LOG_LINES = 100_000;
  private static final Path UNIT = Path.of("config/swimmy-bot.service");

  private final Process process;
  private final List<String> log = new CopyOnWriteArrayList<>();

  private JarChild(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readLog, "test-child-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** The jar Failsafe built, or a clear failure when run outside {@code verify}. */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("swimmy.jar", "target/swimmy-bot.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " not built: run this test with ./mvnw verify (Failsafe)");
    }
    return jar;
  }

  /**
   * The JVM options of {@code config/swimmy-bot.service}'s {@code ExecStart} (between {@code java}
   * and {@code -jar}), so what the tests and benchmarks run is what the unit deploys.
   */
  public static List<String> unitJvmOptions() throws IOException {
    for (String line : Files.readAllLines(UNIT)) {
      if (line.startsWith("ExecStart=")) {
        List<String> words = List.of(line.substring("ExecStart=".length()).trim().split("\\s+"));
        return words.subList(1, words.indexOf("-jar"));
      }
    }
    throw new IllegalStateException("no ExecStart in " + UNIT);
  }

  public static JarChild start(Path config, Map<String, String> env) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(unitJvmOptions());
    command.addAll(List.of("-jar", jar().toString(), "--config", config.toString()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("SWIMMY_") || k.equals("CREDENTIALS_DIRECTORY")
        || k.equals("NOTIFY_SOCKET") || k.startsWith("WATCHDOG_"));
    pb.environment().putAll(env);
    return new JarChild(pb.start());
  }

  private void readLog() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (log.size() < MAX_LOG_LINES) {
          log.add(line);
        }
      }
    } catch (IOException e) {
      log.add("log reader: " + e);
    }
  }

  public Process process() {
    return process;
  }

  public List<String> log() {
    return List.copyOf(log);
  }

  public String logText() {
    return String.join("\n", log);
  }

  /** Waits until a log line contains {@code text}; fails at once if the child exits first. */
  public void awaitLog(String text, Duration atMost) {
    await().atMost(atMost)
        .failFast("daemon exited; log:\n" + logText(), () -> !process.isAlive())
        .until(() -> log.stream().anyMatch(l -> l.contains(text)));
  }

  /**
   * SIGTERM, as {@code systemctl stop} sends it, then the exit status (or -1 if it did not exit
   * within {@code atMost}, after which it is killed). ProcessHandle's destroy sends SIGTERM
   * without closing our end of its output, so the shutdown log can still be read.
   */
  public int terminate(Duration atMost) throws InterruptedException {
    process.toHandle().destroy();
    if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
