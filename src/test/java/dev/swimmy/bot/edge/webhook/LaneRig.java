package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.core.relay.WebhookSink;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.InMemorySpool;
import dev.swimmy.bot.testing.RecordingAlerts;
import dev.swimmy.bot.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * The lanes wired to an in-memory spool and the loopback fake Discord, sharing one {@link
 * MutableClock} that only the test moves, with a {@link ManualScheduler}: time passes only in
 * {@link #runUntil} and {@link #advanceTo}, and only once every lane has settled.
 */
final class LaneRig implements AutoCloseable {
  final MutableClock clock = new MutableClock(Instant.parse("2026-02-04T00:00:00Z"));
  final FakeDiscord discord;
  final InMemorySpool spool = new InMemorySpool();
  final RecordingAlerts alerts = new RecordingAlerts();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final LaneMetrics metrics = new LaneMetrics(registry);
  LaneSettings settings = LaneSettings.defaults(Duration.ofMinutes(2));
  Duration requestTimeout = Duration.ofSeconds(5);
  /** Wraps the spool the lanes use, e.g. to act at a known point of a write. */
  UnaryOperator<dev.swimmy.bot.core.relay.Spool> spoolWrapper = UnaryOperator.identity();
  /** Wraps the real HTTP sink, e.g. to hold a request at a known point. */
  UnaryOperator<WebhookSink> sinkWrapper = UnaryOperator.identity();
  WebhookLanes lanes;
  ManualScheduler scheduler;

  LaneRig() throws Exception {
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
    scheduler = new ManualScheduler(clock);
    lanes = new WebhookLanes(spoolWrapper.apply(spool), sinkWrapper.apply(sink), alerts, metrics, settings, clock,
        scheduler, new SplittableRandom(42));
    lanes.start();
    scheduler.runDue();
    return lanes;
  }

  /** Waits until no lane work runs or waits for a worker. */
  void settle() {
    ManualScheduler.settle(lanes);
  }

  /** Runs the lanes until {@code done} holds, moving the clock from one wake-up to the next. */
  void runUntil(BooleanSupplier done) {
    scheduler.runUntil(lanes, done);
  }

  /** Moves the clock to {@code to}, running every wake-up due on the way. */
  void advanceTo(Instant to) {
    scheduler.advanceTo(lanes, to);
  }

  void advance(Duration d) {
    advanceTo(clock.instant().plus(d));
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
