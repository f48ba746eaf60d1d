package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.Embeds;
import static dev.swimmy.bot.edge.discord.BotFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.edge.discord.BotFixtures.MutableClock;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeGuild;
import dev.swimmy.bot.testing.InjectedInteraction;
import dev.swimmy.bot.testing.InteractionCallback;
import dev.swimmy.bot.testing.RecordedCall;
import dev.swimmy.bot.testing.SlashCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bot, with the real JDA 6, end to end against the loopback Discord. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class JdaDiscordBotTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String CHANNEL = FakeGuild.TEXT_CHANNEL_ID;

  @TempDir Path data;
  FakeDiscord fake;
  JdaDiscordBot bot;
  final BotFixtures.Views views = new BotFixtures.Views();
  final BotFixtures.Relay relay = new BotFixtures.Relay();
  final BotFixtures.Letters letters = new BotFixtures.Letters();
  final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void startFake() throws Exception {
    fake = new FakeDiscord().start();
  }

  @AfterEach
  void stopAll() throws Exception {
    if (bot != null) {
      bot.stop();
    }
    fake.close();
  }

  JdaDiscordBot startBot(boolean panel) throws InterruptedException {
    bot = new JdaDiscordBot(BotFixtures.settings(fake, data, panel), views, relay, letters, clock);
    bot.start();
    assertThat(bot.awaitStarted(WAIT)).as("bot READY").isTrue();
    return bot;
  }

  InteractionCallback answerTo(SlashCommand command) {
    InjectedInteraction i = fake.injectSlashCommand(command);
    await().atMost(WAIT).until(() -> fake.interactionCallback(i.id()).isPresent());
    return fake.interactionCallback(i.id()).orElseThrow();
  }

  @Test
  void theBotGoesReady_andRegistersBothCommandsInTheGuild() throws Exception {
    startBot(false);

    List<JsonNode> commands = fake.registeredGuildCommands(FakeGuild.GUILD_ID);
    assertThat(commands).extracting(c -> c.path("name").asText()).containsExactlyInAnyOrder("status", "notifier");
    JsonNode status = commands.stream().filter(c -> c.path("name").asText().equals("status")).findFirst().orElseThrow();
    assertThat(status.path("options").get(0).path("choices")).extracting(c -> c.path("value").asText())
        .containsExactly("overview", "pnl", "market", "warmup", "system", "backtest");
    JsonNode notifier = commands.stream().filter(c -> c.path("name").asText().equals("notifier")).findFirst().orElseThrow();
    assertThat(notifier.path("default_member_permissions").asText()).isEqualTo("32");
    assertThat(fake.unknownRoutes()).isEmpty();
  }

  @Test
  void withoutAGuildId_bothCommandsAreRegisteredGlobally() throws Exception {
    var s = BotFixtures.settings(fake, data, false);
    bot = new JdaDiscordBot(new JdaDiscordBot.Settings(s.token(), s.apiBaseUrl(), java.util.OptionalLong.empty(),
        s.panelChannelId(), s.panelInterval(), s.alertsChannelId(), s.panelIdFile(), s.panelCheckEvery()),
        views, relay, letters, clock);
    bot.start();
    assertThat(bot.awaitStarted(WAIT)).isTrue();

    assertThat(fake.registeredCommands()).extracting(c -> c.path("name").asText())
        .containsExactlyInAnyOrder("status", "notifier");
    assertThat(fake.registeredGuildCommands(FakeGuild.GUILD_ID)).isEmpty();
  }

  @Test
  void status_isAnsweredWithEachSourcesOwnTimeAndBadges_forEverySection() throws Exception {
    startBot(false);

    for (StatusSection s : StatusSection.values()) {
      InteractionCallback reply = answerTo(SlashCommand.named("status").option("section", s.optionName()));
      assertThat(reply.type()).isEqualTo(4);
      JsonNode embed = reply.data().path("embeds").get(0);
      assertThat(embed.path("title").asText()).isEqualTo("Swimmy status — " + s.optionName());
      assertThat(embed.toString())
          .contains("<t:" + views.liveTime.getEpochSecond() + ":R>")
          .contains("<t:" + views.systemTime.getEpochSecond() + ":R>")
          .contains("STALE");
    }
  }

  @Test
  void notifier_isAnsweredWithTheRelaysHealth() throws Exception {
    startBot(false);

    InteractionCallback reply = answerTo(SlashCommand.named("notifier").subcommand("health").by(FakeGuild.MANAGER));

    JsonNode embed = reply.data().path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("Notifier health");
    assertThat(embed.toString()).contains("35 ms / 80 ms / 140 ms").contains("Dead webhooks");
  }

  @Test
  void aFailingStatus_isAnsweredWithAShortPrivateMessage_notSilence() throws Exception {
    startBot(false);
    views.failWith = new IllegalStateException("disk on fire at /secret/path");

    InteractionCallback reply = answerTo(SlashCommand.named("status"));

    assertThat(reply.type()).isEqualTo(4);
    assertThat(reply.data().path("flags").asLong() & 64).as("ephemeral").isEqualTo(64);
    assertThat(reply.data().toString()).contains("Sorry, that failed").doesNotContain("/secret/path");
  }

  @Test
  void aSlowStatus_isDeferredWithinDiscordsWindow_thenEditedIn() throws Exception {
    startBot(false);
    views.gate = new java.util.concurrent.CountDownLatch(1);

    InjectedInteraction i = fake.injectSlashCommand(SlashCommand.named("status"));
    await().atMost(WAIT).until(() -> fake.interactionCallback(i.id()).isPresent());
    assertThat(fake.interactionCallback(i.id()).orElseThrow().type()).as("deferred").isEqualTo(5);

    views.gate.countDown();
    await().atMost(WAIT).until(() -> fake.originalResponse(i)
        .map(m -> m.toString().contains("Swimmy status — overview")).orElse(false));
  }

  @Test
  void adminSubcommands_areRefusedPrivatelyToAMemberWithoutThePermission() throws Exception {
    startBot(false);

    for (String sub : List.of("dead-letters", "requeue", "purge")) {
      InteractionCallback reply = answerTo(SlashCommand.named("notifier").subcommand(sub).by(FakeGuild.PLAIN));
      assertThat(reply.type()).isEqualTo(4);
      assertThat(reply.data().toString()).contains("Not allowed");
      assertThat(reply.data().path("flags").asLong() & 64).as("ephemeral").isEqualTo(64);
    }
    assertThat(letters.letters).hasSize(1);
  }

  @Test
  void aManagerCanListAndPurgeDeadLetters_throughADeferredPrivateReply() throws Exception {
    startBot(false);

    InjectedInteraction list = fake.injectSlashCommand(SlashCommand.named("notifier").subcommand("dead-letters").by(FakeGuild.MANAGER));
    await().atMost(WAIT).until(() -> fake.originalResponse(list).map(m -> m.toString().contains("Dead letters (1)")).orElse(false));
    assertThat(fake.interactionCallback(list.id()).orElseThrow().type()).as("deferred").isEqualTo(5);

    InjectedInteraction purge = fake.injectSlashCommand(SlashCommand.named("notifier").subcommand("purge").by(FakeGuild.ADMIN));
    await().atMost(WAIT).until(() -> fake.originalResponse(purge).map(m -> m.toString().contains("Purged 1")).orElse(false));
    assertThat(letters.letters).isEmpty();
  }

  @Test
  void thePanel_isPostedOnce_thenEditedInPlace_whenASourceChangesState() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1);
    String id = fake.messages(CHANNEL).get(0).path("id").asText();
    // The id is persisted right after Discord answers the POST, so the fake sees the message first.
    await().atMost(WAIT).until(() -> Files.exists(data.resolve("panel_message_id"))
        && Files.readString(data.resolve("panel_message_id")).strip().equals(id));

    views.liveState = "PARSE_ERROR";
    bot.refreshPanel();

    await().atMost(WAIT).until(() -> fake.message(CHANNEL, id).map(m -> m.toString().contains("PARSE_ERROR")).orElse(false));
    assertThat(fake.messages(CHANNEL)).hasSize(1);
    assertThat(panelCalls("PATCH")).hasSize(1);
    assertThat(panelCalls("POST")).hasSize(1);
  }

  @Test
  void unchangedContent_isNotEdited() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1);
    int ticks = views.overviews.get();

    bot.refreshPanel();
    clock.advance(Duration.ofSeconds(10));
    bot.refreshPanel();
    // Ticks run one after another on the panel thread and each renders first: once a third one has
    // rendered, the two refreshes above have finished, including any PATCH they would have sent.
    bot.refreshPanel();
    await().atMost(WAIT).until(() -> views.overviews.get() >= ticks + 3);

    assertThat(panelCalls("PATCH")).isEmpty();
    assertThat(bot.panel().memory().lastWrite()).isEqualTo(T0);
  }

  @Test
  void aDeletedPanel_isRecreated_evenWhenNothingChanged() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1);
    String first = fake.messages(CHANNEL).get(0).path("id").asText();

    fake.deleteMessageAsUser(CHANNEL, first);
    clock.advance(Duration.ofMinutes(1));
    bot.refreshPanel();

    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1
        && !fake.messages(CHANNEL).get(0).path("id").asText().equals(first));
    String second = fake.messages(CHANNEL).get(0).path("id").asText();
    await().atMost(WAIT).until(() -> Files.readString(data.resolve("panel_message_id")).strip().equals(second));
  }

  @Test
  void aPanelTooOldToEdit_isReplacedByAFreshOne_andTheOldOneDeleted() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1);
    String old = fake.messages(CHANNEL).get(0).path("id").asText();
    fake.markTooOldToEdit(old);

    views.liveState = "STALE";
    bot.refreshPanel();

    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1
        && !fake.messages(CHANNEL).get(0).path("id").asText().equals(old));
    assertThat(fake.messages(CHANNEL).get(0).toString()).contains("STALE");
  }

  @Test
  void thePanelId_isKeptAcrossRestarts_soTheSameMessageIsEdited() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1);
    String id = fake.messages(CHANNEL).get(0).path("id").asText();
    bot.stop();

    views.liveTime = T0;
    startBot(true);

    await().atMost(WAIT).until(() -> fake.message(CHANNEL, id)
        .map(m -> m.toString().contains("<t:" + T0.getEpochSecond() + ":R>")).orElse(false));
    assertThat(fake.messages(CHANNEL)).hasSize(1);
  }

  @Test
  void aPanelDeletedWhileTheBotWasDown_isPostedAgainOnStart_andTheIdFileFollows() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1);
    String old = fake.messages(CHANNEL).get(0).path("id").asText();
    bot.stop();
    fake.deleteMessageAsUser(CHANNEL, old);

    startBot(true);

    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1);
    String now = fake.messages(CHANNEL).get(0).path("id").asText();
    assertThat(now).isNotEqualTo(old);
    await().atMost(WAIT).until(() -> Files.readString(data.resolve("panel_message_id")).strip().equals(now));
  }

  @Test
  void alerts_goToTheAlertsChannel_throughTheBotsConnection() throws Exception {
    startBot(false);

    boolean sent = bot.alertsChannel().post(
        dev.swimmy.bot.core.discord.Embeds.text("webhook 777 is dead"));

    assertThat(sent).isTrue();
    assertThat(fake.messages(CHANNEL)).extracting(m -> m.path("content").asText()).contains("webhook 777 is dead");
  }

  @Test
  void aRejectedToken_isLogged_andStartDoesNotThrow() throws Exception {
    var s = BotFixtures.settings(fake, data, true);
    var wrong = new JdaDiscordBot.Settings(new dev.swimmy.bot.core.Secret("not-the-token"), s.apiBaseUrl(), s.guildId(),
        s.panelChannelId(), s.panelInterval(), s.alertsChannelId(), s.panelIdFile(), s.panelCheckEvery());
    bot = new JdaDiscordBot(wrong, views, relay, letters, clock);

    bot.start();

    assertThat(bot.awaitStarted(WAIT)).isFalse();
    assertThat(bot.isConnected()).isFalse();
    assertThat(bot.alertsChannel().post(dev.swimmy.bot.core.discord.Embeds.text("x"))).isFalse();
  }

  @Test
  void anUnreachableDiscord_leavesTheBotOff_andStopEndsTheRetries() throws Exception {
    var s = BotFixtures.settings(fake, data, true);
    var nowhere = new JdaDiscordBot.Settings(s.token(), java.net.URI.create("http://127.0.0.1:9/api/v10"), s.guildId(),
        s.panelChannelId(), s.panelInterval(), s.alertsChannelId(), s.panelIdFile(), s.panelCheckEvery());
    bot = new JdaDiscordBot(nowhere, views, relay, letters, clock);

    bot.start();
    assertThat(bot.awaitStarted(Duration.ofSeconds(1))).isFalse();
    bot.stop();

    await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().equals("swimmy-discord-start")));
    assertThat(bot.isConnected()).isFalse();
  }

  @Test
  void theToken_neverAppearsInLogs_evenWhenItIsRejected() throws Exception {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      startBot(true);
      answerTo(SlashCommand.named("status"));
      bot.stop();
      var s = BotFixtures.settings(fake, data, true);
      String wrongToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.wrong.secret-value";
      bot = new JdaDiscordBot(new JdaDiscordBot.Settings(new dev.swimmy.bot.core.Secret(wrongToken), s.apiBaseUrl(),
          s.guildId(), s.panelChannelId(), s.panelInterval(), s.alertsChannelId(), s.panelIdFile(), s.panelCheckEvery()),
          views, relay, letters, clock);
      bot.start();
      bot.awaitStarted(WAIT);

      assertThat(logs.list).isNotEmpty();
      for (var event : logs.list) {
        String text = event.getFormattedMessage()
            + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
        assertThat(text).doesNotContain(fake.botToken()).doesNotContain(wrongToken);
      }
    } finally {
      root.detachAppender(logs);
    }
  }

  private List<RecordedCall> panelCalls(String method) {
    return fake.requests().stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith("/channels/" + CHANNEL + "/messages"))
        .toList();
  }
}
