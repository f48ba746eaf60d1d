package dev.swimmy.bot.bench;

import dev.swimmy.bot.testing.JarChild;
import dev.swimmy.bot.testing.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bot's CPU while the engine rewrites a large backtest cache every second: the daemon runs as
 * a child JVM from {@code target/swimmy-bot.jar} with the default config (so the backtest cache is
 * read at most once per {@code min-reread-interval}, 30 s), this process rewrites a 50 MB cache in
 * the engine's shape by atomic rename every second for 60 s and asks for {@code /panel} every 5 s
 * (as often as the Discord panel re-renders), and the child's CPU time (user + system, from the
 * OS) over those 60 s is divided by 60 s. The child runs with the JVM options of the shipped
 * unit ({@code config/swimmy-bot.service}, {@code -Xmx384m} included), as deployed. Before the
 * measured window the same load runs for a
 * warm-up (default 60 s; 0 measures from a cold JVM, whose JIT compiles the reader during the
 * window). The child's peak resident memory, the bytes it read in the window ({@code rchar} of
 * {@code /proc/PID/io}, so a read of the file that had to be repeated shows) and the host's load
 * average at the window's start and end are reported too.
 *
 * <p>{@code ./mvnw -q -B -DskipTests package && ./mvnw -q -B test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.swimmy.bot.bench.BacktestRewriteCpuBenchmark
 * [-Dexec.args="MEGABYTES SECONDS WARMUP_SECONDS"]} (defaults: 50 MB, 60 s, 60 s).
 */
public final class BacktestRewriteCpuBenchmark {
  private static final long UNIVERSAL_TO_UNIX = 2_208_988_800L;

  private BacktestRewriteCpuBenchmark() {}

  public static void main(String[] args) throws Exception {
    int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    Path jar = Path.of("target/swimmy-bot.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("build the jar first: ./mvnw -q -B -DskipTests package");
    }
    Path home = Files.createTempDirectory("swimmy-backtest-cpu");
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve(".opus"));
    byte[] cache = cache(megabytes * 1_000_000L);
    Path target = home.resolve("data/backtest_cache.sexp");
    Files.write(target, cache);
    int admin = LoopbackPorts.free();
    Path config = Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
        "home: " + home,
        "notifier:",
        "  bind: tcp://127.0.0.1:" + LoopbackPorts.free(),
        "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
        "admin:",
        "  listen: 127.0.0.1:" + admin,
        ""));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(JarChild.unitJvmOptions());
    command.addAll(List.of("-jar", jar.toString(), "--config", config.toString()));
    Process child = new ProcessBuilder(command)
        .redirectErrorStream(true).redirectOutput(home.resolve("bot.log").toFile()).start();
    HttpClient http = HttpClient.newHttpClient();
    URI panel = URI.create("http://127.0.0.1:" + admin + "/panel");
    try {
      awaitPanel(http, panel, child);
      System.out.printf(Locale.ROOT, "cache %,d bytes; bot pid %d ready (JVM options %s); rewriting every 1 s, %d s warm-up, %d s measured%n",
          cache.length, child.pid(), JarChild.unitJvmOptions(), warmup, seconds);
      rewrite(http, panel, cache, target, warmup);
      String loadBefore = load();
      long readBefore = bytesRead(child);
      Duration cpuBefore = cpu(child);
      long start = System.nanoTime();
      rewrite(http, panel, cache, target, seconds);
      Duration used = cpu(child).minus(cpuBefore);
      double wall = (System.nanoTime() - start) / 1e9;
      long read = bytesRead(child) - readBefore;
      System.out.printf(Locale.ROOT, "bot CPU %.2f s over %.1f s = %.2f %% of one core; peak RSS %s%n",
          used.toMillis() / 1000.0, wall, 100.0 * used.toMillis() / 1000.0 / wall, peakRss(child));
      System.out.printf(Locale.ROOT, "bot read %,d bytes in the window (rchar) = %.2f cache sizes; load average %s at start, %s at end%n",
          read, (double) read / cache.length, loadBefore, load());
    } finally {
      child.destroy();
      child.waitFor();
    }
  }

  /** Rewrites the cache by atomic rename once a second and asks for /panel every 5 s. */
  private static void rewrite(HttpClient http, URI panel, byte[] cache, Path target, int seconds)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Path temp = target.resolveSibling("backtest_cache.sexp.tmp");
    for (int s = 0; s < seconds; s++) {
      long tick = start + s * 1_000_000_000L;
      while (System.nanoTime() < tick) {
        Thread.sleep(5);
      }
      Files.write(temp, cache);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (s % 5 == 0) {
        get(http, panel);
      }
    }
    while (System.nanoTime() < start + seconds * 1_000_000_000L) {
      Thread.sleep(5);
    }
  }

  /** A cache in the engine's shape ({@code cache-backtest-result}'s) of about {@code bytes}. */
  public static byte[] cache(long bytes) {
    StringBuilder b = new StringBuilder((int) bytes + 1024);
    b.append("((swimmy.school::schema_version . 1) (swimmy.school::entries");
    long t = 4_004_915_723L;
    for (int i = 0; b.length() < bytes; i++) {
      String name = "Bred-RSI-S-" + i + "-Gen" + (i % 7) + (i % 3 == 0 ? "-OOS" : "");
      b.append(" ((swimmy.school::name . #A((").append(name.length()).append(") base-char . \"")
          .append(name).append("\")) (swimmy.school::timestamp . ").append(t - i)
          .append(") (swimmy.school::result :sharpe ").append(String.format(Locale.ROOT, "%.7f", (i % 400) / 100.0 - 1))
          .append(" :trades ").append(i % 300).append(" :pnl ").append(i % 10_000).append(".5 :win-rate 0.55")
          .append(" :profit-factor 1.8 :max-dd 0.12 :request-id nil))");
    }
    b.append("))\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void awaitPanel(HttpClient http, URI panel, Process child) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new IllegalStateException("the bot exited with " + child.exitValue());
      }
      try {
        if (get(http, panel) == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the bot's /panel did not answer within 60 s");
  }

  private static int get(HttpClient http, URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Duration cpu(Process p) {
    return p.toHandle().info().totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("this OS does not report a process's CPU time"));
  }

  /** Bytes the process has read through read(2) and friends so far ({@code rchar}); -1 if unknown. */
  private static long bytesRead(Process p) {
    try {
      return Files.readAllLines(Path.of("/proc/" + p.pid() + "/io")).stream()
          .filter(l -> l.startsWith("rchar:")).mapToLong(l -> Long.parseLong(l.substring(6).strip()))
          .findFirst().orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  /** The host's 1, 5 and 15 minute load averages. */
  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String peakRss(Process p) {
    try {
      List<String> status = Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"));
      return status.stream().filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).strip())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
