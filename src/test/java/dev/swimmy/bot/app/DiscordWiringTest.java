package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.core.discord.DeadLetterAdmin;
import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.edge.discord.DiscordBot;
import dev.swimmy.bot.edge.discord.JdaDiscordBot;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeGuild;
import dev.swimmy.bot.testing.InjectedInteraction;
import dev.swimmy.bot.testing.NoDeadLetters;
import dev.swimmy.bot.testing.SlashCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The bot as the daemon builds it: real config, real status files and service, real JDA, fake Discord. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiscordWiringTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  /** live_status/fresh.sexp says it was written 2026-02-11 12:18:19 JST. */
  static final long LIVE_OWN_TIME = 1770779899L;
  /** system_metrics/stale-2h.sexp's universal time 3979761499. */
  static final long SYSTEM_OWN_TIME = 1770772699L;
  static final Path FIXTURES = Path.of(System.getProperty("swimmy.fixtures", "src/test/resources/fixtures"));

  @TempDir Path home;
  FakeDiscord fake;
  Optional<DiscordBot> bot = Optional.empty();
  final Clock clock = Clock.fixed(Instant.ofEpochSecond(LIVE_OWN_TIME + 30), ZoneOffset.UTC);

  @BeforeEach
  void files() throws Exception {
    fake = new FakeDiscord().start();
    Files.createDirectories(home.resolve(".opus"));
    Files.createDirectories(home.resolve("data"));
    Files.copy(FIXTURES.resolve("live_status/fresh.sexp"), home.resolve(".opus/live_status.sexp"));
    Files.copy(FIXTURES.resolve("system_metrics/stale-2h.sexp"), home.resolve("data/system_metrics.sexp"));
    Files.copy(FIXTURES.resolve("backtest_cache/small.sexp"), home.resolve("data/backtest_cache.sexp"));
  }

  @AfterEach
  void stop() throws Exception {
    bot.ifPresent(DiscordBot::stop);
    fake.close();
  }

  Config config(boolean withToken) throws Exception {
    String yaml = "home: " + home + "\n"
        + "discord:\n"
        + (withToken ? "  token: " + fake.botToken() + "\n" : "")
        + "  api-base-url: " + fake.apiBaseUrl() + "\n"
        + "  guild-id: \"" + FakeGuild.GUILD_ID + "\"\n";
    Path file = home.resolve("swimmy-bot.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of());
  }

  static RelayHealth health() {
    return new RelayHealth(Instant.EPOCH, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0, List.of(), Map.of(), Optional.empty());
  }

  static final DeadLetterAdmin NO_LETTERS = new NoDeadLetters();

  @Test
  void withoutAToken_thereIsNoBot() throws Exception {
    Config cfg = config(false);
    StatusViews views = DiscordWiring.statusViews(StatusService.create(cfg.status(), clock));

    assertThat(DiscordWiring.bot(cfg, views, DiscordWiringTest::health, NO_LETTERS, clock)).isEmpty();
  }

  @Test
  void status_fromTheRealFiles_carriesEachSourcesOwnTimeAndBadges() throws Exception {
    Config cfg = config(true);
    StatusViews views = DiscordWiring.statusViews(StatusService.create(cfg.status(), clock));
    bot = DiscordWiring.bot(cfg, views, DiscordWiringTest::health, NO_LETTERS, clock);
    bot.orElseThrow().start();
    assertThat(((JdaDiscordBot) bot.get()).awaitStarted(WAIT)).isTrue();

    InjectedInteraction i = fake.injectSlashCommand(SlashCommand.named("status"));
    await().atMost(WAIT).until(() -> fake.interactionCallback(i.id()).isPresent());

    JsonNode data = fake.interactionCallback(i.id()).orElseThrow().data();
    assertThat(data.toString())
        .contains("<t:" + LIVE_OWN_TIME)
        .contains("<t:" + SYSTEM_OWN_TIME)
        .contains("STALE");
    assertThat(views.sourceStates()).containsKeys("live-status", "system-metrics", "backtest-cache");
    assertThat(views.sourceStates().get("system-metrics").state()).isEqualTo("STALE");
  }
}
