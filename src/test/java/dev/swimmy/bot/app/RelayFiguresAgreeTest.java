package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.core.sexp.SexpView;
import dev.swimmy.bot.testing.Fault;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeGuild;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.InjectedInteraction;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.PrometheusText;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import dev.swimmy.bot.testing.SlashCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay's figures say the same in all three places, with the definitions of {@code
 * RelayFigures}: known outcomes are driven through the whole daemon (the engine's PUSH, the
 * spool, the real lanes, the loopback fake Discord), then {@code data/notifier_metrics.sexp} is read
 * with the project's reader, {@code /metrics} is scraped from the admin server over HTTP, and {@code
 * /notifier health} is asked through the real JDA bot, and each must show the expected numbers.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RelayFiguresAgreeTest {
  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path home;
  FakeDiscord fake;
  Daemon daemon;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDiscord().start();
  }

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    fake.close();
  }

  @Test
  void errorsAndTheSuccessRate_meanTheSameInTheFileOnMetricsAndInNotifier() throws Exception {
    FakeWebhook healthy = fake.webhook("6001", "tok-6001");
    FakeWebhook flaky = fake.webhook("6002", "tok-6002");
    FakeWebhook limited = fake.webhook("6003", "tok-6003");
    FakeWebhook refusing = fake.webhook("6004", "tok-6004");
    FakeWebhook dead = fake.webhook("6005", "tok-6005");
    flaky.faults().next(Fault.SERVER_ERROR);
    limited.faults().next(Fault.cloudflareRateLimit(Duration.ofSeconds(1)));
    refusing.faults().always(Fault.INVALID_FORM_BODY);
    dead.faults().always(Fault.UNKNOWN_WEBHOOK);
    int pullPort = LoopbackPorts.free();
    daemon = new Daemon(ConfigLoader.load(config(pullPort), Map.of()), Map.of(), Clock.systemUTC());
    daemon.start();

    try (Pusher engine = new Pusher("tcp://127.0.0.1:" + pullPort)) {
      for (String text : new String[] {"a1", "a2", "a3"}) {
        engine.send(envelope(healthy.discordUrl(), text));
      }
      engine.send(envelope(healthy.discordUrl(), "a1")); // the same payload again: suppressed
      engine.send(envelope(flaky.discordUrl(), "b1")); // 500, then delivered
      engine.send(envelope(limited.discordUrl(), "c1")); // 429, then delivered
      engine.send(envelope(refusing.discordUrl(), "d1")); // 400: dead-lettered
      engine.send(envelope(dead.discordUrl(), "e1")); // 404: the webhook is dead
      engine.send(envelope("https://example.com/api/webhooks/1/x", "f1")); // rejected: not Discord
    }
    await().atMost(WAIT).until(() -> healthy.received().size() == 3 && flaky.received().size() == 1
        && limited.received().size() == 1 && !refusing.requests().isEmpty() && !dead.requests().isEmpty());
    Path file = home.resolve("data/notifier_metrics.sexp");
    // Settled once nothing is pending and the dead webhook is recorded (the file is rewritten every 200 ms).
    await().atMost(WAIT).until(() -> Files.exists(file)
        && read(file).number("queue_len").orElse(-1L).longValue() == 0
        && read(file).number("dead_webhooks").orElse(-1L).longValue() == 1
        && read(file).number("delivered").orElse(-1L).longValue() == 5);

    SexpMap sexp = read(file);
    PrometheusText metrics = PrometheusText.scrape("http://127.0.0.1:" + daemon.adminPort() + "/metrics");
    Map<String, String> notifier = notifierHealthFields();

    // The metrics file (keys fixed by SPEC.md).
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("queue_len", 0L);
    expected.put("drops", 0L);
    expected.put("errors", 3L); // the 500, the 400 and the 404; not the 429, not the retry
    expected.put("delivered", 5L);
    expected.put("rejected", 1L);
    expected.put("retries", 1L);
    expected.put("rate_limited", 1L);
    expected.put("dedupe_suppressed", 1L);
    expected.put("dead_webhooks", 1L);
    expected.put("oldest_pending_age_secs", 0L);
    expected.forEach((key, value) -> assertThat(sexp.number(key)).as(key).contains(value));

    // /metrics: the same figures, under the names the README lists.
    assertThat(metrics.value("swimmy_notifier_queue_length")).hasValue(0);
    assertThat(metrics.sum("swimmy_notifier_dropped_total")).isZero();
    assertThat(metrics.sum("swimmy_notifier_delivery_errors_total")
        + metrics.sum("swimmy_notifier_spool_write_failures_total")).isEqualTo(3);
    assertThat(metrics.value("swimmy_notifier_delivery_errors_total{reason=\"serverError\"}")).hasValue(1);
    assertThat(metrics.value("swimmy_notifier_delivery_errors_total{reason=\"clientError\"}")).hasValue(1);
    assertThat(metrics.value("swimmy_notifier_delivery_errors_total{reason=\"deadWebhook\"}")).hasValue(1);
    assertThat(metrics.value("swimmy_notifier_delivered_total")).hasValue(5);
    assertThat(metrics.sum("swimmy_notifier_rejected_total")).isEqualTo(1);
    assertThat(metrics.value("swimmy_notifier_retries_total")).hasValue(1);
    assertThat(metrics.value("swimmy_notifier_rate_limited_total")).hasValue(1);
    assertThat(metrics.value("swimmy_notifier_dedupe_suppressed_total")).hasValue(1);
    assertThat(metrics.value("swimmy_notifier_dead_webhooks")).hasValue(1);
    assertThat(metrics.value("swimmy_notifier_dead_lettered_total")).hasValue(2);
    assertThat(metrics.value("swimmy_notifier_expired_total")).hasValue(0);
    assertThat(metrics.value("swimmy_notifier_delivery_latency_seconds_count")).hasValue(5);
    for (String p : new String[] {"p50", "p95", "p99"}) {
      assertThat(metrics.value("swimmy_notifier_latency_" + p + "_ms"))
          .hasValue(sexp.number("latency_" + p + "_ms").orElseThrow().doubleValue());
    }

    // /notifier: the same figures, and the success rate delivered / (delivered + dead-lettered +
    // expired + dropped) = 5 / 7.
    assertThat(notifier).containsEntry("Queue", "0").containsEntry("Drops", "0").containsEntry("Errors", "3")
        .containsEntry("Delivered", "5").containsEntry("Rejected", "1").containsEntry("Retries", "1")
        .containsEntry("Rate limited", "1").containsEntry("Dedupe suppressed", "1")
        .containsEntry("Dead-lettered", "2").containsEntry("Expired (in digests)", "0")
        .containsEntry("Dead letters", "2").containsEntry("Success rate", "71.4%")
        .containsEntry("Latency p50 / p95 / p99", sexp.number("latency_p50_ms").orElseThrow() + " ms / "
            + sexp.number("latency_p95_ms").orElseThrow() + " ms / " + sexp.number("latency_p99_ms").orElseThrow()
            + " ms");
    assertThat(notifier.get("Dead webhooks (1)")).contains("`6005`");
  }

  private Map<String, String> notifierHealthFields() {
    await().atMost(WAIT).until(() -> fake.registeredGuildCommands(FakeGuild.GUILD_ID).size() == 2);
    InjectedInteraction i = fake.injectSlashCommand(
        SlashCommand.named("notifier").subcommand("health").by(FakeGuild.MANAGER));
    await().atMost(WAIT).until(() -> fake.interactionCallback(i.id()).isPresent());
    JsonNode data = fake.interactionCallback(i.id()).orElseThrow().data();
    if (fake.interactionCallback(i.id()).orElseThrow().type() == 5) { // deferred, then edited in
      await().atMost(WAIT).until(() -> fake.originalResponse(i).isPresent());
      data = fake.originalResponse(i).orElseThrow();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (JsonNode f : data.path("embeds").path(0).path("fields")) {
      fields.put(f.path("name").asText(), f.path("value").asText());
    }
    assertThat(data.path("embeds").path(0).path("title").asText()).isEqualTo("Notifier health");
    return fields;
  }

  private static SexpMap read(Path file) throws Exception {
    return SexpView.asMap(new SexpReader().read(Files.readString(file))).orElseThrow();
  }

  private Path config(int pullPort) throws Exception {
    Files.createDirectories(home.resolve("data"));
    return Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
        "home: " + home,
        "discord:",
        "  token: " + fake.botToken(),
        "  api-base-url: " + fake.apiBaseUrl(),
        "  guild-id: \"" + FakeGuild.GUILD_ID + "\"",
        "notifier:",
        "  bind: tcp://127.0.0.1:" + pullPort,
        "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
        "  metrics-interval: 200ms",
        "admin:",
        "  listen: 127.0.0.1:0",
        ""));
  }

  private static String envelope(String webhookUrl, String content) {
    return "((type . \"NOTIFIER\") (webhook . \"" + webhookUrl + "\") (payload (content . \"" + content + "\")))";
  }
}
