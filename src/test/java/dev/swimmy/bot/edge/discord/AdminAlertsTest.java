package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.relay.Alert;
import static dev.swimmy.bot.edge.discord.BotFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.core.discord.AlertDestination;
import dev.swimmy.bot.core.relay.RelayEvents;
import dev.swimmy.bot.core.relay.RelayAlerts;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.edge.discord.BotFixtures.MutableClock;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeGuild;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.InMemoryEpisodeStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Admin alerts: once per episode, recovery when it clears, channel first and webhook when the bot is off. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AdminAlertsTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path data;
  FakeDiscord fake;
  FakeWebhook hook;
  JdaDiscordBot bot;
  AdminAlerts alerts;
  final BotFixtures.Views views = new BotFixtures.Views();
  final BotFixtures.Relay relay = new BotFixtures.Relay();
  final MutableClock clock = new MutableClock(T0);
  final InMemoryEpisodeStore store = new InMemoryEpisodeStore();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDiscord().start();
    hook = fake.webhook("900000000000000001", "alerts-token");
    relay.oldestPending = Optional.of(T0.minusSeconds(2)); // under the fixture's 5 s SLO
  }

  @AfterEach
  void stop() throws Exception {
    if (alerts != null) {
      alerts.close();
    }
    if (bot != null) {
      bot.stop();
    }
    fake.close();
  }

  AdminAlerts alerts(AlertDestination channel) {
    WebhookAddress address = WebhookAddress.parse(hook.discordUrl()).orElseThrow();
    AlertRoute route = new AlertRoute(List.of(channel, new WebhookAlertSink(URI.create(fake.apiBaseUrl()), address)));
    alerts = new AdminAlerts(relay, views, route, store, clock, Duration.ofHours(1));
    return alerts;
  }

  @Test
  void aDeadWebhook_isAlertedOnceThroughTheWebhook_whileTheBotIsOff_andItsRecoveryToo() {
    AdminAlerts a = alerts(alert -> false);
    relay.dead.add(new DeadWebhook("777", "404 Unknown Webhook", T0));

    a.poll();
    clock.advance(Duration.ofSeconds(30));
    a.poll();
    assertThat(hook.received()).hasSize(1);
    assertThat(hook.received().get(0).toString()).contains("Dead webhook").contains("777");

    relay.dead.clear();
    clock.advance(Duration.ofSeconds(30));
    a.poll();
    assertThat(hook.received()).hasSize(2);
    assertThat(hook.received().get(1).toString()).contains("Recovered");
    assertThat(hook.received().toString()).doesNotContain("alerts-token");
  }

  @Test
  void alerts_goThroughTheBotsChannel_whenTheBotIsUp_notTheWebhook() throws Exception {
    bot = new JdaDiscordBot(BotFixtures.settings(fake, data, false), views, relay, new BotFixtures.Letters(), clock);
    bot.start();
    assertThat(bot.awaitStarted(WAIT)).isTrue();
    AdminAlerts a = alerts(bot.alertsChannel());
    views.liveState = "SCHEMA_MISMATCH";

    a.poll();
    clock.advance(Duration.ofMinutes(5));
    a.poll();

    await().atMost(WAIT).until(() -> fake.messages(FakeGuild.TEXT_CHANNEL_ID).size() == 1);
    assertThat(fake.messages(FakeGuild.TEXT_CHANNEL_ID).get(0).toString()).contains("Status source broken").contains("live-status");
    assertThat(hook.received()).isEmpty();
  }

  @Test
  void theSendersDeadWebhookAlert_andTheHealthSnapshot_areOneEpisode() {
    AdminAlerts a = alerts(alert -> false);
    a.raise(new Alert("dead-webhook:777", "Webhook 777 is dead", "404", T0));
    relay.dead.add(new DeadWebhook("777", "404", T0));

    a.poll();
    assertThat(hook.received()).hasSize(1);

    a.clear("dead-webhook:777", "back", T0);
    relay.dead.clear();
    a.poll();
    assertThat(hook.received()).hasSize(2);
  }

  @Test
  void aRepeatedIntakeEvent_isPostedOnceWithinTenMinutes() {
    AdminAlerts a = alerts(alert -> false);
    Alert rebuilt = new Alert("intake-rebuilt", "Intake socket rebuilt", "no heartbeat for 90 s", clock.instant());

    a.event(rebuilt);
    a.event(rebuilt);
    a.poll();
    assertThat(hook.received()).hasSize(1);

    clock.advance(Duration.ofMinutes(11));
    a.event(rebuilt);
    a.poll();
    assertThat(hook.received()).hasSize(2);
  }

  @Test
  void aRestartOnTheSameStore_announcesNoOpenEpisodeAgain_andItsRecoveryOnce() {
    relay.dead.add(new DeadWebhook("777", "404", T0));
    views.liveState = "PARSE_ERROR";
    AdminAlerts before = alerts(alert -> false);
    before.poll();
    clock.advance(Duration.ofMinutes(4));
    before.poll();
    assertThat(hook.received()).hasSize(2); // the dead webhook, then the source after its grace
    before.close();

    clock.advance(Duration.ofMinutes(1));
    AdminAlerts after = alerts(alert -> false);
    after.poll();
    after.poll();
    assertThat(hook.received()).hasSize(2);

    relay.dead.clear();
    views.liveState = "OK";
    after.poll();
    after.poll();
    assertThat(hook.received()).hasSize(4);
    assertThat(hook.received().subList(2, 4).toString()).contains("Recovered: Dead webhook — 777")
        .contains("Recovered: Status source broken — live-status");
    assertThat(store.saved()).isEmpty();
  }

  @Test
  void anIntakeRebuiltJustBeforeARestart_isNotAnnouncedAgainWithinItsQuietTime() {
    Alert rebuilt = new Alert("intake-rebuilt", "Intake socket rebuilt", "no heartbeat for 90 s", clock.instant());
    AdminAlerts before = alerts(alert -> false);
    before.event(rebuilt);
    before.poll();
    before.close();

    clock.advance(Duration.ofMinutes(2));
    AdminAlerts after = alerts(alert -> false);
    after.event(rebuilt);
    after.poll();
    assertThat(hook.received()).hasSize(1);
    assertThat(hook.received().get(0).toString()).contains("Notification intake rebuilt").doesNotContain("Recovered");
  }

  @Test
  void aStoreThatCannotBeWritten_costsOnlyTheMemory_theAlertStillGoesOut() {
    store.failing = true;
    AdminAlerts a = alerts(alert -> false);
    relay.dead.add(new DeadWebhook("777", "404", T0));
    a.poll();
    a.poll();
    assertThat(hook.received()).hasSize(1);
    relay.dead.clear();
    a.poll();
    assertThat(hook.received()).hasSize(2);
  }

  @Test
  void whileTheRelaysHealthCannotBeRead_itsOpenEpisodesAreNotRecovered() {
    AdminAlerts a = alerts(alert -> false);
    relay.dead.add(new DeadWebhook("777", "404", T0));
    a.poll();
    relay.failWith = new IllegalStateException("spool closed");
    a.poll();
    a.poll();
    assertThat(hook.received()).hasSize(1);
  }

  @Test
  void anAlertNoSinkTook_isRetriedOnTheNextPoll() {
    hook.faults().next(dev.swimmy.bot.testing.Fault.SERVICE_UNAVAILABLE);
    AdminAlerts a = alerts(alert -> false);
    relay.dead.add(new DeadWebhook("777", "404", T0));

    a.poll();
    a.poll();

    assertThat(hook.received()).hasSize(1);
  }
}
