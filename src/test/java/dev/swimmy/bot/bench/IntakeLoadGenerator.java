package dev.swimmy.bot.bench;

import dev.swimmy.bot.app.relay.LoggingRelayEvents;
import dev.swimmy.bot.app.relay.Relay;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.testing.RelayHarness;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intake throughput: a PUSH client sends N 1 KiB envelopes as fast as it can to a real relay
 * (real PULL loop, validation, SQLite spool with WAL and synchronous=FULL on disk), and we time
 * until the last one is committed. Latency is from the PUSH send to the spool COMMIT returning.
 *
 * <pre>./mvnw -q -DskipTests test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test -Dexec.args="-cp %classpath dev.swimmy.bot.bench.IntakeLoadGenerator 200000"</pre>
 */
public final class IntakeLoadGenerator {
  private IntakeLoadGenerator() {}

  private static final String PADDING = "x".repeat(1024 - 258);

  /** Envelope {@code i}: 1,024 bytes (1 KiB), id {@code idPrefix + i}, one of 8 webhooks. */
  static byte[] frame(int i, String idPrefix) {
    return ("((type . \"NOTIFIER\") (schema_version . 1) (action . \"SEND\") (id . \"" + idPrefix + i + "\")"
        + " (timestamp . \"2026-02-11T03:18:19Z\")"
        + " (webhook . \"https://discord.com/api/webhooks/" + (1000 + i % 8) + "/tok-bench-token-" + (i % 8) + "\")"
        + " (payload (embeds ((title . \"Bench " + i + "\") (description . \"" + PADDING + "\") (color . 3447003)))))")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * CPU time is steadier than wall time on a shared machine: the whole process (PUSH client
   * included) and each thread, per message, counted from {@code before} (taken as the push starts,
   * so JVM start-up and building the frames are left out; the process total since start is shown
   * too). JIT compiler and GC threads, which ThreadMXBean does not see, come from Linux's per-task
   * counters (10 ms ticks) and are left out where /proc is absent.
   */
  static void printCpu(int n, long wallNanos, Map<String, Long> before) {
    Map<String, Long> now = cpuByThread();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long process = now.get(PROCESS) - before.get(PROCESS);
    System.out.printf("process CPU during the run %.2f s (%.1f us/msg, %.0f%% of one core); since JVM start %.2f s%n",
        process / 1e9, process / 1e3 / n, 100.0 * process / wallNanos, os.getProcessCpuTime() / 1e9);
    now.forEach((name, cpu) -> {
      long used = cpu - before.getOrDefault(name, 0L);
      if (!name.equals(PROCESS) && used > n * 500L) {
        System.out.printf("  %-32s CPU %.2f s (%.1f us/msg)%n", name, used / 1e9, used / 1e3 / n);
      }
    });
  }

  private static final String PROCESS = "(process)";

  /** CPU nanoseconds: the process, each Java thread by name (id appended), the JVM's threads by kind. */
  static Map<String, Long> cpuByThread() {
    Map<String, Long> out = new TreeMap<>();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    out.put(PROCESS, os.getProcessCpuTime());
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long cpu = threads.getThreadCpuTime(t.getId());
      if (cpu > 0) {
        out.put("thread " + t.getName() + " #" + t.getId(), cpu);
      }
    }
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long nanos = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
          String group = name.startsWith("C2 Compiler") ? "jvm C2 compiler threads"
              : name.startsWith("C1 Compiler") ? "jvm C1 compiler threads"
              : name.startsWith("GC Thread") || name.startsWith("G1 ") ? "jvm GC threads" : null;
          if (group != null) {
            out.merge(group, nanos, Long::sum);
          }
        } catch (java.io.IOException | RuntimeException e) {
          // the task ended meanwhile
        }
      }
    } catch (java.io.IOException e) {
      // no /proc: Java threads only
    }
    return out;
  }

  /**
   * Args: N [directory]. With {@code -Dbench.warmup=W} (put it before {@code -cp} in exec.args), W
   * other envelopes are pushed and committed first, untimed, so the figures are those of a JVM
   * whose JIT has compiled the intake path, as a long-running daemon's has.
   */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory(Path.of(args.length > 1 ? args[1] : "target"), "intake-bench");
    long[] sent = new long[n];
    long[] committed = new long[n];
    AtomicInteger done = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(1);
    AtomicInteger batches = new AtomicInteger();
    int warmup = Integer.getInteger("bench.warmup", 0);
    CountDownLatch warmedUp = new CountDownLatch(warmup);
    var base = RelayHarness.config(dir, "tcp://127.0.0.1:*", 10_000_000, 256 * 1024);
    var config = new dev.swimmy.bot.app.config.Config.Notifier(base.bind(), base.queueMax(), base.dedupeWindow(),
        base.spool(), base.metricsFile(), java.time.Duration.ofSeconds(10), base.maxAge(), base.latencySlo(),
        base.routes(), base.maxFrameBytes(), java.time.Duration.ofSeconds(5));
    Relay relay = Relay.open(config,
        Clock.systemUTC(), new LoggingRelayEvents(), new RelayMetrics(new SimpleMeterRegistry()),
        (batch, outcome) -> {
          long now = System.nanoTime();
          batches.incrementAndGet();
          int measured = 0;
          for (Notification m : batch) {
            String id = m.engineId().orElseThrow();
            if (id.startsWith("w-")) {
              warmedUp.countDown();
            } else {
              committed[Integer.parseInt(id.substring(2))] = now;
              measured++;
            }
          }
          if (measured > 0 && done.addAndGet(measured) >= n) {
            all.countDown();
          }
        });
    String endpoint = relay.start();
    byte[][] frames = new byte[n][];
    for (int i = 0; i < n; i++) {
      frames[i] = frame(i, "b-");
    }
    try (Pusher pusher = new Pusher(endpoint)) {
      if (warmup > 0) {
        for (int i = 0; i < warmup; i++) {
          pusher.send(frame(i, "w-"));
        }
        warmedUp.await(10, TimeUnit.MINUTES);
        batches.set(0);
        System.out.printf("warm-up: %d envelopes committed before timing%n", warmup);
      }
      Map<String, Long> cpuBefore = cpuByThread();
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sent[i] = System.nanoTime();
        pusher.send(frames[i]);
      }
      long pushed = System.nanoTime();
      if (!all.await(10, TimeUnit.MINUTES)) {
        System.out.println("timed out with " + done.get() + " committed");
      }
      long end = System.nanoTime();
      long[] latency = new long[n];
      for (int i = 0; i < n; i++) {
        latency[i] = committed[i] - sent[i];
      }
      Arrays.sort(latency);
      System.out.printf("frames=%d bytes/frame=%d batches=%d (avg %.1f/commit)%n", n, frames[0].length,
          batches.get(), (double) n / batches.get());
      System.out.printf("push phase %.2f s; push->committed throughput %.0f msg/s%n",
          (pushed - start) / 1e9, n / ((end - start) / 1e9));
      long halfCommitted = committed[n / 2]; // one connection keeps order: the later half came after
      // The first half carries JIT compilation (several CPU-seconds of C2 on a cold JVM); the rate
      // over the second half is the sustained one a long-running daemon sees.
      System.out.printf("second half (JIT mostly done): %.0f msg/s%n", (n - n / 2) / ((end - halfCommitted) / 1e9));
      System.out.printf("intake latency (send -> COMMIT) p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
          latency[n / 2] / 1e6, latency[(int) (n * 0.99)] / 1e6, latency[n - 1] / 1e6);
      printCpu(n, end - start, cpuBefore);
    } finally {
      relay.close();
    }
  }
}
