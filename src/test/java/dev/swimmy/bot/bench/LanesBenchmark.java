package dev.swimmy.bot.bench;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.edge.webhook.ExecutorScheduler;
import dev.swimmy.bot.edge.webhook.HttpWebhookSink;
import dev.swimmy.bot.edge.webhook.LaneMetrics;
import dev.swimmy.bot.edge.webhook.LaneSettings;
import dev.swimmy.bot.edge.webhook.WebhookLanes;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.InMemorySpool;
import dev.swimmy.bot.testing.RecordedCall;
import dev.swimmy.bot.testing.RecordingAlerts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Load runs of the webhook sender against the loopback fake Discord, in real time:
 *
 * <ol>
 *   <li>rate: 4 webhooks with deep backlogs under Discord's 5 requests / 2 s bucket; the achieved
 *       request rate as a fraction of the bucket ceiling, and requests sent into an announced wait
 *       (each would be a 429 the sender caused);
 *   <li>coalesce: a 1,000-embed backlog on one webhook, drained with coalescing, against one
 *       message per request;
 *   <li>latency: 100 msg/s with no rate limit; spool commit to the fake's receipt, p50/p99.
 * </ol>
 *
 * Run: {@code ./mvnw -q -B -DskipTests test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.swimmy.bot.bench.LanesBenchmark [-Dexec.args="rate coalesce latency"]}.
 */
public final class LanesBenchmark {
  private static final Clock CLOCK = Clock.systemUTC();

  public static void main(String[] args) throws Exception {
    List<String> runs = args.length == 0 ? List.of("rate", "coalesce", "latency") : List.of(args);
    if (runs.contains("rate")) {
      rate(Duration.ofSeconds(30));
    }
    if (runs.contains("coalesce")) {
      coalesce();
    }
    if (runs.contains("latency")) {
      latency(100, Duration.ofSeconds(23));
    }
    System.exit(0);
  }

  private static final class Rig implements AutoCloseable {
    final FakeDiscord discord;
    final InMemorySpool spool = new InMemorySpool();
    final WebhookLanes lanes;

    Rig(FakeDiscord discord, LaneSettings settings) {
      this.discord = discord;
      lanes = new WebhookLanes(spool,
          new HttpWebhookSink(URI.create(discord.apiBaseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(10)),
          new RecordingAlerts(), new LaneMetrics(new SimpleMeterRegistry()), settings, CLOCK,
          ExecutorScheduler.realTime(), new SplittableRandom(1));
    }

    WebhookAddress hook(String id) {
      FakeWebhook w = discord.webhook(id, "token-" + id);
      return new WebhookAddress(w.id(), new Secret("token-" + id));
    }

    void commit(WebhookAddress to, String payload) throws Exception {
      Instant now = CLOCK.instant();
      spool.commit(List.of(new Notification(to, payload, Optional.empty(), Optional.empty(), now)), now);
    }

    @Override
    public void close() throws Exception {
      lanes.stop(Duration.ofSeconds(1));
      discord.close();
    }
  }

  private static LaneSettings settings(boolean coalesce) {
    return LaneSettings.defaults(Duration.ofHours(1)).withCoalesce(coalesce)
        .withPollInterval(Duration.ofMillis(20));
  }

  static void rate(Duration measure) throws Exception {
    try (Rig rig = new Rig(new FakeDiscord(CLOCK).start(), settings(false))) {
      List<String> ids = List.of("1001", "1002", "1003", "1004");
      for (String id : ids) {
        WebhookAddress hook = rig.hook(id);
        for (int i = 0; i < 200; i++) {
          rig.commit(hook, "{\"content\":\"m" + i + "\"}");
        }
      }
      rig.lanes.start();
      LockSupport.parkNanos(measure.plusSeconds(1).toNanos());
      double sum = 0;
      for (String id : ids) {
        List<RecordedCall> calls = rig.discord.webhook(id, "token-" + id).requests();
        Instant first = calls.get(0).at();
        long within = calls.stream().filter(c -> c.at().isBefore(first.plus(measure))).count();
        double ceiling = 5.0 * measure.toMillis() / 2000.0;
        System.out.printf("rate: webhook %s: %d requests in %d s (ceiling %.0f) = %.1f%%%n",
            id, within, measure.toSeconds(), ceiling, 100.0 * within / ceiling);
        sum += within / ceiling;
      }
      System.out.printf("rate: mean fraction of the 5/2s ceiling over 4 webhooks = %.1f%%; requests inside an announced wait = %d%n",
          100.0 * sum / ids.size(), rig.discord.requestsInsideAnnouncedWait());
    }
  }

  static void coalesce() throws Exception {
    double[] perSecond = new double[2];
    for (int mode = 0; mode < 2; mode++) {
      boolean on = mode == 0;
      try (Rig rig = new Rig(new FakeDiscord(CLOCK).start(), settings(on))) {
        WebhookAddress hook = rig.hook("2001");
        for (int i = 0; i < 1000; i++) {
          rig.commit(hook, "{\"embeds\":[{\"title\":\"alert " + i + "\",\"description\":\"price crossed a level\"}]}");
        }
        long start = System.nanoTime();
        rig.lanes.start();
        long deadline = start + Duration.ofSeconds(on ? 120 : 30).toNanos();
        while (rig.spool.deliveredCount() < 1000 && System.nanoTime() < deadline) {
          LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        double secs = (System.nanoTime() - start) / 1e9;
        int delivered = rig.spool.deliveredCount();
        int requests = rig.discord.webhook("2001", "token-2001").requests().size();
        perSecond[mode] = delivered / secs;
        System.out.printf("coalesce %s: %d notifications in %d requests in %.1f s = %.2f notifications/s; inside announced wait = %d%n",
            on ? "on " : "off", delivered, requests, secs, perSecond[mode], rig.discord.requestsInsideAnnouncedWait());
      }
    }
    System.out.printf("coalesce: speed-up %.1fx over one message per request (1,000 drain in %.0f s vs %.0f s)%n",
        perSecond[0] / perSecond[1], 1000 / perSecond[0], 1000 / perSecond[1]);
  }

  static void latency(int perSecond, Duration length) throws Exception {
    FakeDiscord discord = new FakeDiscord(CLOCK).webhookRateLimit(1_000_000, Duration.ofSeconds(1)).start();
    try (Rig rig = new Rig(discord, settings(false))) {
      WebhookAddress hook = rig.hook("3001");
      rig.lanes.start();
      Map<String, Instant> sentAt = new HashMap<>();
      int n = (int) (perSecond * length.toSeconds());
      long interval = 1_000_000_000L / perSecond;
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long due = t0 + i * interval;
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(Math.max(1, due - System.nanoTime()));
        }
        String text = "m" + i;
        sentAt.put(text, CLOCK.instant());
        rig.commit(hook, "{\"content\":\"" + text + "\"}");
        rig.lanes.wake();
      }
      while (rig.spool.deliveredCount() < n) {
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      }
      List<Long> micros = new ArrayList<>();
      List<RecordedCall> calls = rig.discord.webhook("3001", "token-3001").requests();
      int warmup = perSecond * 3; // the first 3 s warm up the JIT and the connection pool
      for (RecordedCall c : calls.subList(warmup, calls.size())) {
        String text = c.body().replaceAll(".*\"content\":\"([^\"]*)\".*", "$1");
        micros.add(Duration.between(sentAt.get(text), c.at()).toNanos() / 1000);
      }
      micros.sort(Long::compare);
      System.out.printf("latency at %d msg/s, %d messages after a 3 s warm-up, spool commit -> fake receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          perSecond, micros.size(), micros.get(micros.size() / 2) / 1000.0, micros.get((int) (micros.size() * 0.99)) / 1000.0,
          micros.get(micros.size() - 1) / 1000.0);
    }
  }
}
