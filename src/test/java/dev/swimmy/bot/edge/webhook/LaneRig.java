package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.core.relay.WebhookSink;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.InMemorySpool;
import dev.swimmy.bot.testing.RecordingAlerts;
import dev.swimmy.bot.testing.ScaledClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * The sender wired to an in-memory spool and the loopback fake Discord, sharing one clock that
 * runs {@code speed} times faster than real time.
 */
final class LaneRig implements AutoCloseable {
  final ScaledClock clock;
  final FakeDiscord discord;
  final InMemorySpool spool = new InMemorySpool();
  final RecordingAlerts alerts = new RecordingAlerts();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final SenderMetrics metrics = new SenderMetrics(registry);
  SenderSettings settings = SenderSettings.defaults(Duration.ofMinutes(2))
      .withPollInterval(Duration.ofMillis(20));
  Duration requestTimeout = Duration.ofSeconds(5);
  /** Wraps the real HTTP sink, e.g. to hold a request at a known point. */
  UnaryOperator<WebhookSink> sinkWrapper = UnaryOperator.identity();
  WebhookLanes lanes;

  LaneRig(double speed) throws Exception {
    clock = new ScaledClock(Instant.parse("2026-02-04T00:00:00Z"), speed);
    discord = new FakeDiscord(clock).hangLimit(Duration.ofSeconds(5)).start();
  }

  WebhookAddress hook(String id) {
    FakeWebhook w = discord.webhook(id, "tok-" + id);
    return new WebhookAddress(w.id(), new Secret("tok-" + id));
  }

  FakeWebhook fake(String id) {
    return discord.webhook(id, "tok-" + id);
  }

  WebhookLanes start() {
    HttpWebhookSink sink = new HttpWebhookSink(URI.create(discord.apiBaseUrl()), Duration.ofSeconds(2), requestTimeout);
    lanes = new WebhookLanes(spool, sinkWrapper.apply(sink), alerts, metrics, settings, clock,
        new ExecutorScheduler(clock.speed()), new SplittableRandom(42));
    lanes.start();
    return lanes;
  }

  long send(WebhookAddress to, String payload) {
    Instant now = clock.instant();
    long id = spool.add(new Notification(to, payload, Optional.empty(), Optional.empty(), now));
    if (lanes != null) {
      lanes.wake();
    }
    return id;
  }

  static String text(String s) {
    return "{\"content\":\"" + s + "\"}";
  }

  static String embed(String title) {
    return "{\"embeds\":[{\"title\":\"" + title + "\",\"description\":\"details\"}]}";
  }

  @Override
  public void close() throws Exception {
    if (lanes != null) {
      lanes.stop(Duration.ofMillis(200));
    }
    discord.close();
  }
}
