package dev.swimmy.bot.edge.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.app.DiscordWiring;
import dev.swimmy.bot.core.discord.RelayHealthSource;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.edge.spool.SqliteEpisodeStore;
import dev.swimmy.bot.edge.spool.SqliteSpool;
import dev.swimmy.bot.edge.webhook.ExecutorScheduler;
import dev.swimmy.bot.edge.webhook.HttpWebhookSink;
import dev.swimmy.bot.edge.webhook.LaneMetrics;
import dev.swimmy.bot.edge.webhook.LaneSettings;
import dev.swimmy.bot.edge.webhook.WebhookLanes;
import dev.swimmy.bot.testing.Fault;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead webhook's admin alert across a restart, with the real parts: the SQLite spool on one
 * file, the webhook lanes and the admin alerts against the loopback fake Discord. The alert is
 * announced once, the relay's parts stop and start again on the same file without announcing it
 * again, and the webhook's requeue announces its recovery once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AlertsAcrossRestartTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  FakeDiscord fake;
  FakeWebhook alertsHook;
  FakeWebhook gone;
  final Clock clock = Clock.systemUTC();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDiscord().start();
    alertsHook = fake.webhook("900000000000000001", "alerts-token");
    gone = fake.webhook("600", "tok-600");
  }

  @AfterEach
  void stop() throws Exception {
    fake.close();
  }

  @Test
  void aDeadWebhook_isAnnouncedOnce_notAgainAfterARestart_andItsRecoveryOnce() throws Exception {
    gone.faults().always(Fault.UNKNOWN_WEBHOOK);
    try (Run first = new Run()) {
      first.send("before death");
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 1);
      first.alerts.poll();
      first.alerts.poll();
      assertThat(alertsHook.received().get(0).toString()).contains("Dead webhook").contains("600");
    }

    try (Run second = new Run()) {
      second.alerts.poll();
      second.alerts.poll();
      assertThat(alertsHook.received()).as("announcements after the restart").hasSize(1);

      gone.faults().clear();
      assertThat(second.lanes.revive("600")).isEqualTo(1);
      await().atMost(WAIT).until(() -> gone.received().size() == 1);
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 2);
      second.alerts.poll();
      second.alerts.poll();
      assertThat(alertsHook.received()).hasSize(2);
      assertThat(alertsHook.received().get(1).toString()).contains("Recovered").contains("600");
    }
    assertThat(alertsHook.received().toString()).doesNotContain("tok-600").doesNotContain("alerts-token");
  }

  /** The relay's sending side and its admin alerts, opened on the test's spool file. */
  final class Run implements AutoCloseable {
    final SqliteSpool spool;
    final WebhookLanes lanes;
    final AdminAlerts alerts;

    Run() throws Exception {
      spool = SqliteSpool.open(dir.resolve("spool.db"), SqliteSpool.Settings.of(1_000, Duration.ofMinutes(10)),
          clock, () -> {});
      AtomicReference<WebhookLanes> lanesRef = new AtomicReference<>();
      RelayMetrics intake = new RelayMetrics(new SimpleMeterRegistry());
      RelayHealthSource health = DiscordWiring.relayHealth(spool, () -> lanesRef.get().health(),
          intake::intake, Duration.ofMinutes(1), Optional::empty);
      WebhookAddress alertsAddress = WebhookAddress.parse(alertsHook.discordUrl()).orElseThrow();
      AlertRoute route = new AlertRoute(List.of(new WebhookAlertSink(URI.create(fake.apiBaseUrl()), alertsAddress)));
      alerts = new AdminAlerts(health, noSources(), route, new SqliteEpisodeStore(spool), clock, Duration.ofHours(1));
      lanes = new WebhookLanes(spool, new HttpWebhookSink(URI.create(fake.apiBaseUrl()), Duration.ofSeconds(2),
          Duration.ofSeconds(5)), alerts, new LaneMetrics(new SimpleMeterRegistry()),
          LaneSettings.defaults(Duration.ofMinutes(2)).withPollInterval(Duration.ofMillis(50)),
          clock, ExecutorScheduler.realTime(), new SplittableRandom(1));
      lanesRef.set(lanes);
      alerts.start();
      lanes.start();
    }

    void send(String text) throws Exception {
      WebhookAddress to = WebhookAddress.parse(gone.discordUrl()).orElseThrow();
      spool.commit(List.of(new Notification(to, "{\"content\":\"" + text + "\"}", Optional.empty(), Optional.empty(),
          clock.instant())), clock.instant());
      lanes.wake();
    }

    @Override
    public void close() {
      lanes.stop(Duration.ofMillis(200));
      alerts.close();
      spool.close();
    }
  }

  static StatusViews noSources() {
    return new StatusViews() {
      @Override
      public Message status(StatusSection section) {
        throw new UnsupportedOperationException("not rendered here");
      }

      @Override
      public Map<String, SourceCondition> sourceStates() {
        return Map.of();
      }
    };
  }
}
