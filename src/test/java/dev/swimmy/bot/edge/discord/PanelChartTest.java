package dev.swimmy.bot.edge.discord;

import static dev.swimmy.bot.edge.discord.BotFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.edge.discord.BotFixtures.MutableClock;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeGuild;
import dev.swimmy.bot.testing.InjectedInteraction;
import dev.swimmy.bot.testing.RecordedCall;
import dev.swimmy.bot.testing.SlashCommand;
import dev.swimmy.bot.testing.TestCharts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charts in Discord, with the real JDA against the loopback Discord: the status panel carries
 * today's PnL chart as a file its embed shows, replaced in place (same message, new attachment)
 * exactly when the chart's data key changes, and kept (not uploaded again) when only the text
 * changes; {@code /status pnl} and {@code /notifier health} answer with their chart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PanelChartTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String CHANNEL = FakeGuild.TEXT_CHANNEL_ID;

  @TempDir Path data;
  FakeDiscord fake;
  JdaDiscordBot bot;
  final BotFixtures.Views views = new BotFixtures.Views();
  final MutableClock clock = new MutableClock(T0);
  final TestCharts charts = new TestCharts("day-1 v1", "relay v1");

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDiscord().start();
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.stop();
    }
    fake.close();
  }

  void startBot(boolean panel) throws InterruptedException {
    bot = new JdaDiscordBot(BotFixtures.settings(fake, data, panel), views, new BotFixtures.Relay(),
        new BotFixtures.Letters(), charts, clock);
    bot.start();
    assertThat(bot.awaitStarted(WAIT)).as("bot READY").isTrue();
  }

  /** Runs panel ticks until three have rendered, so every tick asked for before has finished. */
  void tickAndSettle() {
    int before = views.overviews.get();
    bot.refreshPanel();
    bot.refreshPanel();
    bot.refreshPanel();
    await().atMost(WAIT).until(() -> views.overviews.get() >= before + 3);
  }

  JsonNode panel() {
    List<JsonNode> all = fake.messages(CHANNEL);
    assertThat(all).as("exactly one panel message").hasSize(1);
    return all.get(0);
  }

  static JsonNode onlyAttachment(JsonNode message) {
    assertThat(message.path("attachments")).hasSize(1);
    return message.path("attachments").get(0);
  }

  static JsonNode chartEmbed(JsonNode message) {
    JsonNode embeds = message.path("embeds");
    return embeds.get(embeds.size() - 1);
  }

  @Test
  void thePanelsChart_isReplacedInPlace_exactlyWhenItsDataKeyChanges() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1 && fake.uploads().size() == 1);
    String panelId = panel().path("id").asText();
    JsonNode first = onlyAttachment(panel());
    assertThat(first.path("filename").asText()).isEqualTo("pnl-today.png");
    assertThat(first.path("width").asInt()).isEqualTo(TestCharts.WIDTH);
    assertThat(chartEmbed(panel()).path("image").path("url").asText()).isEqualTo(first.path("url").asText());
    assertThat(fake.uploads().get(0).data()).isEqualTo(charts.pnlToday(T0).orElseThrow().png());
    int keyChanges = 1;

    // The text changes (a source goes STALE: edited at once); the chart file is kept, not re-sent.
    views.liveState = "STALE";
    tickAndSettle();
    await().atMost(WAIT).until(() -> panel().toString().contains("STALE"));
    assertThat(fake.uploads()).hasSize(keyChanges);
    assertThat(onlyAttachment(panel()).path("id").asText()).isEqualTo(first.path("id").asText());
    assertThat(chartEmbed(panel()).path("image").path("url").asText()).isEqualTo(first.path("url").asText());

    // The chart's data changes, but the panel interval has not passed: nothing is written yet.
    charts.pnlData("day-1 v2");
    tickAndSettle();
    assertThat(fake.uploads()).hasSize(keyChanges);

    // Once the interval has passed, the same message gets the new file in place of the old.
    clock.advance(Duration.ofMinutes(1));
    tickAndSettle();
    keyChanges++;
    int expected = keyChanges;
    await().atMost(WAIT).until(() -> fake.uploads().size() == expected);
    JsonNode second = onlyAttachment(panel());
    assertThat(panel().path("id").asText()).isEqualTo(panelId);
    assertThat(second.path("id").asText()).isNotEqualTo(first.path("id").asText());
    assertThat(fake.uploads().get(1).messageId()).isEqualTo(panelId);
    assertThat(fake.uploads().get(1).data()).isEqualTo(charts.pnlToday(T0).orElseThrow().png())
        .isNotEqualTo(fake.uploads().get(0).data());
    assertThat(chartEmbed(panel()).path("image").path("url").asText()).isEqualTo(second.path("url").asText());

    // Unchanged data over more intervals: verified, never uploaded again.
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofMinutes(1));
      tickAndSettle();
    }
    assertThat(fake.uploads()).hasSize(keyChanges);

    charts.pnlData("day-1 v3");
    clock.advance(Duration.ofMinutes(1));
    tickAndSettle();
    keyChanges++;
    int expected3 = keyChanges;
    await().atMost(WAIT).until(() -> fake.uploads().size() == expected3);

    assertThat(fake.uploads()).as("one upload per data key shown").hasSize(keyChanges)
        .allSatisfy(u -> assertThat(u.messageId()).isEqualTo(panelId));
    assertThat(panel().path("id").asText()).isEqualTo(panelId);
    assertThat(onlyAttachment(panel()).path("id").asText()).isEqualTo(fake.uploads().get(2).attachmentId());
    assertThat(panelCalls("POST")).as("never re-posted").hasSize(1);
    assertThat(fake.danglingImageReferences()).isEmpty();
    assertThat(fake.unknownRoutes()).isEmpty();
  }

  @Test
  void aChartThatGoesAway_leavesThePanelWithoutFileOrImage_andComesBackAsAnUpload() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.uploads().size() == 1);
    String panelId = panel().path("id").asText();

    charts.pnlData(null);
    clock.advance(Duration.ofMinutes(1));
    tickAndSettle();
    await().atMost(WAIT).until(() -> panel().path("attachments").isEmpty());
    assertThat(panel().toString()).doesNotContain("attachment://").doesNotContain("pnl-today.png");

    charts.pnlData("day-2 v1");
    clock.advance(Duration.ofMinutes(1));
    tickAndSettle();
    await().atMost(WAIT).until(() -> fake.uploads().size() == 2);
    assertThat(panel().path("id").asText()).isEqualTo(panelId);
    assertThat(onlyAttachment(panel()).path("filename").asText()).isEqualTo("pnl-today.png");
    assertThat(fake.danglingImageReferences()).isEmpty();
  }

  @Test
  void afterARestart_thePanelsChartIsUploadedOnce_intoTheSameMessage() throws Exception {
    startBot(true);
    await().atMost(WAIT).until(() -> fake.uploads().size() == 1);
    String panelId = panel().path("id").asText();
    bot.stop();

    startBot(true);
    await().atMost(WAIT).until(() -> fake.uploads().size() == 2);
    tickAndSettle();
    assertThat(fake.uploads()).hasSize(2);
    assertThat(panel().path("id").asText()).isEqualTo(panelId);
    assertThat(onlyAttachment(panel()).path("id").asText()).isEqualTo(fake.uploads().get(1).attachmentId());
  }

  @Test
  void statusPnl_answersWithTodaysPnlChartInItsEmbed() throws Exception {
    startBot(false);

    InjectedInteraction i = fake.injectSlashCommand(SlashCommand.named("status").option("section", "pnl"));

    await().atMost(WAIT).until(() -> fake.originalResponse(i).isPresent());
    JsonNode reply = fake.originalResponse(i).orElseThrow();
    JsonNode file = onlyAttachment(reply);
    assertThat(file.path("filename").asText()).isEqualTo("pnl-today.png");
    assertThat(chartEmbed(reply).path("image").path("url").asText()).isEqualTo(file.path("url").asText());
    assertThat(reply.path("embeds").get(0).path("title").asText()).isEqualTo("Swimmy status — pnl");
    assertThat(fake.danglingImageReferences()).isEmpty();
  }

  @Test
  void aSlowStatusPnl_isDeferred_thenEditedInWithItsChart() throws Exception {
    startBot(false);
    views.gate = new java.util.concurrent.CountDownLatch(1);

    InjectedInteraction i = fake.injectSlashCommand(SlashCommand.named("status").option("section", "pnl"));
    await().atMost(WAIT).until(() -> fake.interactionCallback(i.id()).isPresent());
    assertThat(fake.interactionCallback(i.id()).orElseThrow().type()).as("deferred").isEqualTo(5);
    views.gate.countDown();

    await().atMost(WAIT).until(() -> fake.originalResponse(i).map(m -> m.path("attachments").size() == 1).orElse(false));
    JsonNode reply = fake.originalResponse(i).orElseThrow();
    assertThat(chartEmbed(reply).path("image").path("url").asText())
        .isEqualTo(onlyAttachment(reply).path("url").asText());
    assertThat(fake.danglingImageReferences()).isEmpty();
  }

  @Test
  void notifierHealth_answersWithTheRelayChart() throws Exception {
    startBot(false);

    InjectedInteraction i = fake.injectSlashCommand(SlashCommand.named("notifier").subcommand("health").by(FakeGuild.MANAGER));

    await().atMost(WAIT).until(() -> fake.originalResponse(i).isPresent());
    JsonNode reply = fake.originalResponse(i).orElseThrow();
    assertThat(reply.path("embeds").get(0).path("title").asText()).isEqualTo("Notifier health");
    assertThat(onlyAttachment(reply).path("filename").asText()).isEqualTo("relay-24h.png");
    assertThat(fake.uploads()).singleElement().satisfies(u -> assertThat(u.data())
        .isEqualTo(TestCharts.draw("relay-24h.png", "relay v1", TestCharts.RELAY_COLOUR).png()));
  }

  @Test
  void withoutCharts_statusPnl_isTextOnly_asBefore() throws Exception {
    charts.pnlData(null);
    startBot(false);

    InjectedInteraction i = fake.injectSlashCommand(SlashCommand.named("status").option("section", "pnl"));

    await().atMost(WAIT).until(() -> fake.originalResponse(i).isPresent());
    JsonNode reply = fake.originalResponse(i).orElseThrow();
    assertThat(reply.path("attachments")).isEmpty();
    assertThat(reply.path("embeds")).hasSize(1);
    assertThat(fake.uploads()).isEmpty();
  }

  @Test
  void aChartThatFailsToDraw_leavesThePanelAndStatusPnlAsText_andComesBackWhenItDrawsAgain() throws Exception {
    charts.failWith = new IllegalStateException("renderer bug");
    startBot(true);
    await().atMost(WAIT).until(() -> fake.messages(CHANNEL).size() == 1);
    String panelId = panel().path("id").asText();
    assertThat(panel().path("attachments")).isEmpty();
    InjectedInteraction i = fake.injectSlashCommand(SlashCommand.named("status").option("section", "pnl"));
    await().atMost(WAIT).until(() -> fake.originalResponse(i).isPresent());
    assertThat(fake.originalResponse(i).orElseThrow().path("embeds").get(0).path("title").asText())
        .isEqualTo("Swimmy status — pnl");

    charts.failWith = null;
    clock.advance(Duration.ofMinutes(1));
    tickAndSettle();
    await().atMost(WAIT).until(() -> fake.uploads().size() == 1);
    assertThat(fake.uploads().get(0).messageId()).isEqualTo(panelId);
    assertThat(onlyAttachment(fake.message(CHANNEL, panelId).orElseThrow()).path("filename").asText())
        .isEqualTo("pnl-today.png");
  }

  private List<RecordedCall> panelCalls(String method) {
    return fake.requests().stream()
        .filter(c -> c.method().equals(method) && c.path().startsWith("/channels/" + CHANNEL + "/messages"))
        .toList();
  }
}
