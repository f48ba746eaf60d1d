package dev.swimmy.bot.bench;

import dev.swimmy.bot.app.Daemon;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.RecordedCall;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end delivery latency, as the engine sees it: the whole daemon (the product's own wiring:
 * PULL intake, SQLite spool with {@code synchronous=FULL}, webhook lanes, HTTP) in this JVM, a real
 * ZeroMQ PUSH socket sending embed notifications at a steady rate to four webhooks, and the
 * loopback fake Discord with no rate limit. Each latency is from just before the PUSH send to the
 * fake's receipt of the request carrying that notification; the first seconds are warm-up.
 *
 * <p>{@code ./mvnw -q -B -DskipTests test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.swimmy.bot.bench.EndToEndLatencyBenchmark [-Dexec.args="RATE SECONDS"]}
 * (defaults: 100 msg/s for 30 s, of which 5 s warm-up).
 */
public final class EndToEndLatencyBenchmark {
  private static final Pattern TITLE = Pattern.compile("\"title\":\"e2e (\\d+)\"");
  private static final int WARMUP_SECONDS = 5;
  private static final List<String> WEBHOOKS = List.of("4001", "4002", "4003", "4004");

  public static void main(String[] args) throws Exception {
    int perSecond = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path home = Files.createTempDirectory("swimmy-e2e");
    Files.createDirectories(home.resolve("data"));
    Files.createDirectories(home.resolve(".opus"));
    Clock clock = Clock.systemUTC();
    try (FakeDiscord discord = new FakeDiscord(clock).webhookRateLimit(1_000_000, Duration.ofSeconds(1)).start()) {
      List<FakeWebhook> hooks = WEBHOOKS.stream().map(id -> discord.webhook(id, "e2e-token-" + id)).toList();
      int pullPort = LoopbackPorts.free();
      Path config = Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
          "home: " + home,
          "discord:",
          "  api-base-url: " + discord.apiBaseUrl(),
          "notifier:",
          "  bind: tcp://127.0.0.1:" + pullPort,
          "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
          "admin:",
          "  listen: 127.0.0.1:0",
          ""));
      Daemon daemon = new Daemon(ConfigLoader.load(config, Map.of()), Map.of(), clock);
      daemon.start();
      Map<Integer, Instant> pushedAt = new ConcurrentHashMap<>();
      int n = perSecond * seconds;
      try (Pusher engine = new Pusher("tcp://127.0.0.1:" + pullPort)) {
        long interval = 1_000_000_000L / perSecond;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          long due = t0 + i * interval;
          for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
          }
          pushedAt.put(i, clock.instant());
          engine.send(envelope(hooks.get(i % hooks.size()), i));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (received(hooks) < n && System.nanoTime() < deadline) {
          LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
      } finally {
        daemon.stop();
      }
      report(perSecond, n, hooks, pushedAt, receivedAt(home.resolve("data/notifier_spool.db")));
    }
    System.exit(0);
  }

  /** When intake received each message (the spool's {@code received_at}, in milliseconds). */
  private static Map<Integer, Instant> receivedAt(Path spool) throws SQLException {
    Map<Integer, Instant> at = new HashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + spool);
        ResultSet rs = db.createStatement().executeQuery(
            "SELECT engine_id, received_at FROM messages WHERE engine_id LIKE 'e2e-%'")) {
      while (rs.next()) {
        at.put(Integer.parseInt(rs.getString(1).substring(4)), Instant.ofEpochMilli(rs.getLong(2)));
      }
    }
    return at;
  }

  private static void report(int perSecond, int n, List<FakeWebhook> hooks, Map<Integer, Instant> pushedAt,
      Map<Integer, Instant> receivedAt) {
    List<Long> micros = new ArrayList<>();
    List<Long> toIntake = new ArrayList<>();
    List<Long> intakeToFake = new ArrayList<>();
    int warmup = perSecond * WARMUP_SECONDS;
    int requests = 0;
    int delivered = 0;
    for (FakeWebhook hook : hooks) {
      for (RecordedCall call : hook.requests()) {
        requests++;
        Matcher m = TITLE.matcher(call.body());
        while (m.find()) {
          delivered++;
          int i = Integer.parseInt(m.group(1));
          if (i >= warmup) {
            micros.add(Duration.between(pushedAt.get(i), call.at()).toNanos() / 1000);
            Instant received = receivedAt.get(i);
            if (received != null) {
              toIntake.add(Duration.between(pushedAt.get(i), received).toNanos() / 1000);
              intakeToFake.add(Duration.between(received, call.at()).toNanos() / 1000);
            }
          }
        }
      }
    }
    micros.sort(Long::compare);
    System.out.printf("end-to-end at %d msg/s over %d webhooks: %d of %d delivered in %d requests;"
            + " PUSH -> fake receipt after a %d s warm-up (%d samples): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        perSecond, hooks.size(), delivered, n, requests, WARMUP_SECONDS, micros.size(), at(micros, 0.50),
        at(micros, 0.95), at(micros, 0.99), micros.get(micros.size() - 1) / 1000.0);
    toIntake.sort(Long::compare);
    intakeToFake.sort(Long::compare);
    System.out.printf("  of which PUSH -> intake received (ms clock): p50 %.1f ms, p99 %.1f ms;"
            + " intake received -> fake receipt: p50 %.1f ms, p99 %.1f ms; %d of %d reached the spool%n",
        at(toIntake, 0.50), at(toIntake, 0.99), at(intakeToFake, 0.50), at(intakeToFake, 0.99), receivedAt.size(), n);
  }

  private static double at(List<Long> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1000.0;
  }

  private static int received(List<FakeWebhook> hooks) {
    return hooks.stream().mapToInt(h -> h.received().stream().mapToInt(b -> b.path("embeds").size()).sum()).sum();
  }

  private static String envelope(FakeWebhook hook, int i) {
    return "((type . \"NOTIFIER\") (schema_version . 1) (action . \"SEND\") (id . \"e2e-" + i + "\")"
        + " (webhook . \"" + hook.discordUrl() + "\")"
        + " (payload (embeds ((title . \"e2e " + i + "\") (description . \"price crossed a level\") (color . 15158332)))))";
  }
}
