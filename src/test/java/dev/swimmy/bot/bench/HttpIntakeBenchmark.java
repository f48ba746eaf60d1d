package dev.swimmy.bot.bench;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.relay.LoggingRelayEvents;
import dev.swimmy.bot.app.relay.Relay;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.edge.zmq.IntakeListener;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.RelayHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP intake on loopback against a real relay (SQLite spool on disk, WAL, synchronous=FULL, no
 * sender): {@code throughput} has 16 client threads (minimal HTTP/1.1 over keep-alive sockets) post
 * 1 KiB JSON bodies back to back and counts
 * 204s (each one a committed message) per second; {@code latency} posts at a fixed 500 req/s
 * from the same clients (open loop: the clock starts at each request's scheduled time) and reports
 * request -> 204.
 *
 * <pre>./mvnw -q -B -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.swimmy.bot.bench.HttpIntakeBenchmark -Dexec.args="throughput 60000"
 * ... -Dexec.args="latency 30"</pre>
 */
public final class HttpIntakeBenchmark {
  private static final int CLIENTS = 16;

  private HttpIntakeBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "throughput";
    Path dir = Files.createTempDirectory("swimmy-http-bench");
    int port = LoopbackPorts.free();
    AtomicInteger commits = new AtomicInteger();
    AtomicInteger committed = new AtomicInteger();
    IntakeListener counting = (batch, outcome) -> {
      commits.incrementAndGet();
      committed.addAndGet(batch.size());
    };
    // Production's metrics interval (the harness's 200 ms would scan the growing spool 5 times a second).
    Config.Notifier base = RelayHarness.config(dir, 10_000_000);
    Config.Notifier config = new Config.Notifier(base.bind(), base.queueMax(), base.dedupeWindow(), base.spool(),
        base.metricsFile(), Duration.ofSeconds(10), base.maxAge(), base.latencySlo(), base.routes(),
        base.maxFrameBytes(), base.heartbeatInterval());
    try (Relay relay = Relay.open(RelayHarness.withHttp(config, port),
        Clock.systemUTC(), new LoggingRelayEvents(), new RelayMetrics(new SimpleMeterRegistry()), counting)) {
      relay.start();
      relay.startHttp();
      if (mode.equals("latency")) {
        latency(port, args.length > 1 ? Integer.parseInt(args[1]) : 30, dir);
      } else {
        throughput(port, args.length > 1 ? Integer.parseInt(args[1]) : 60_000);
      }
      System.out.printf("spool: %d pending; %d commits (fsyncs), %.1f messages per commit%n",
          relay.spool().stats().pending(), commits.get(), committed.get() / (double) Math.max(1, commits.get()));
    }
    System.exit(0);
  }

  /** Body {@code i}: exactly 1,024 bytes of JSON (one embed), distinct so dedupe keeps every one. */
  static byte[] body(int i) {
    String head = "{\"embeds\":[{\"title\":\"Bench " + i + "\",\"description\":\"";
    String tail = "\",\"color\":3447003,\"footer\":{\"text\":\"bench\"}}]}";
    return (head + "x".repeat(1024 - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
  }

  private static HttpRequest request(int port, int i) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/webhooks/" + (1000 + i % 8)
            + "/tok-bench-" + (i % 8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(i))).build();
  }

  private static void throughput(int port, int n) throws Exception {
    int warmup = Math.min(10_000, n / 5);
    run(port, 0, warmup);
    java.util.Map<String, Long> cpuBefore = IntakeLoadGenerator.cpuByThread();
    long t0 = System.nanoTime();
    int ok = run(port, warmup, n);
    long wall = System.nanoTime() - t0;
    double seconds = wall / 1e9;
    IntakeLoadGenerator.printCpu(n, wall, cpuBefore);
    System.out.printf("throughput: %d clients, %d requests of 1 KiB after %d warm-up: %d x 204 in %.2f s = %.0f committed/s%n",
        CLIENTS, n, warmup, ok, seconds, ok / seconds);
  }

  /**
   * Posts bodies {@code from..from+n-1} from {@link #CLIENTS} threads, each over its own keep-alive
   * connection with a minimal HTTP/1.1 client (so the figure is the server's, not a heavy client's);
   * returns the count of 204s.
   */
  private static int run(int port, int from, int n) throws Exception {
    return run(port, from, n, 0, 0, null);
  }

  /**
   * As {@link #run(int, int, int)}; with {@code intervalNanos > 0} request {@code i} is due at
   * {@code t0 + (i - from) * intervalNanos} (open loop) and, from index {@code sampleFrom} on, its
   * time from due to 204 is added to {@code micros}.
   */
  private static int run(int port, int from, int n, long intervalNanos, int sampleFrom, List<Long> micros)
      throws Exception {
    long t0 = System.nanoTime();
    AtomicInteger next = new AtomicInteger(from);
    AtomicInteger ok = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(CompletableFuture.runAsync(() -> {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
          socket.setTcpNoDelay(true);
          OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4096);
          InputStream in = new BufferedInputStream(socket.getInputStream());
          for (int i = next.getAndIncrement(); i < from + n; i = next.getAndIncrement()) {
            long due = t0 + (i - from) * intervalNanos;
            for (long left = due - System.nanoTime(); intervalNanos > 0 && left > 0; left = due - System.nanoTime()) {
              LockSupport.parkNanos(left);
            }
            byte[] body = body(i);
            out.write(("POST /api/webhooks/" + (1000 + i % 8) + "/tok-bench-" + (i % 8) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            if (readStatus(in) == 204) {
              ok.incrementAndGet();
              if (micros != null && i >= sampleFrom) {
                micros.add((System.nanoTime() - due) / 1000);
              }
            }
          }
        } catch (IOException e) {
          System.err.println("client: " + e);
        }
      }, pool));
    }
    CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
    pool.shutdown();
    return ok.get();
  }

  /** Reads one response with no body (a 204) and returns its status. */
  private static int readStatus(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int blank = 0;
    while (blank < 4) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed");
      }
      head.append((char) c);
      blank = (c == '\r' || c == '\n') ? blank + 1 : 0;
    }
    int status = Integer.parseInt(head.substring(9, 12));
    if (status != 204) {
      throw new IOException("unexpected " + head.toString().lines().findFirst().orElse(""));
    }
    return status;
  }

  private static void latency(int port, int seconds, Path dir) throws Exception {
    int perSecond = 500;
    int warmup = 5 * perSecond;
    int n = warmup + seconds * perSecond;
    List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    FsyncProbe probe = new FsyncProbe(dir.resolve("fsync-probe"));
    Thread probing = new Thread(probe, "fsync-probe");
    probing.start();
    int ok = run(port, 1_000_000, n, 1_000_000_000L / perSecond, 1_000_000 + warmup, micros);
    probe.stop = true;
    probing.join();
    List<Long> syncs = new ArrayList<>(probe.micros);
    syncs.sort(Long::compare);
    System.out.printf("same disk meanwhile: 4 KiB write + fsync every 20 ms: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
            + " (%d samples)%n", at(syncs, 0.50), at(syncs, 0.99), syncs.get(syncs.size() - 1) / 1000.0, syncs.size());
    List<Long> sorted = new ArrayList<>(micros);
    sorted.sort(Long::compare);
    System.out.printf("latency at %d req/s for %d s after a 5 s warm-up, %d clients: %d of %d answered 204;"
            + " request -> 204: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)%n",
        perSecond, seconds, CLIENTS, ok, n, at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0,
        sorted.size());
  }

  /**
   * What an fsync costs on the spool's disk while the benchmark runs (other builds share it): the
   * floor under a commit's latency that no code here can lower.
   */
  private static final class FsyncProbe implements Runnable {
    private final Path file;
    final List<Long> micros = new ArrayList<>();
    volatile boolean stop;

    FsyncProbe(Path file) {
      this.file = file;
    }

    @Override
    public void run() {
      java.nio.ByteBuffer page = java.nio.ByteBuffer.allocate(4096);
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
        for (long i = 0; !stop && i < 100_000; i++) {
          long t = System.nanoTime();
          page.clear();
          ch.write(page, (i % 256) * 4096);
          ch.force(false);
          micros.add((System.nanoTime() - t) / 1000);
          LockSupport.parkNanos(20_000_000L);
        }
      } catch (IOException e) {
        System.err.println("fsync probe: " + e);
      }
    }
  }

  private static double at(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1000.0;
  }
}
