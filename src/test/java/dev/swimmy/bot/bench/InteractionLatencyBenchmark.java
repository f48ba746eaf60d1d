package dev.swimmy.bot.bench;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.testing.NoDeadLetters;
import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.edge.discord.JdaDiscordBot;
import dev.swimmy.bot.edge.files.PanelIdFile;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeGuild;
import dev.swimmy.bot.testing.InjectedInteraction;
import dev.swimmy.bot.testing.RecordedCall;
import dev.swimmy.bot.testing.SlashCommand;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * From an injected {@code /status} interaction (the fake writes INTERACTION_CREATE to the gateway
 * socket) to the fake receiving the bot's callback POST, through the real JDA and the bot's own
 * listener, over loopback. 50 warm-up interactions, then 200 measured one at a time; the end time
 * is the fake's own receipt time of the callback request, so polling adds nothing.
 *
 * <p>Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.swimmy.bot.bench.InteractionLatencyBenchmark}
 */
public final class InteractionLatencyBenchmark {
  static final int WARMUP = 50;
  static final int MEASURED = 200;

  public static void main(String[] args) throws Exception {
    int measured = args.length > 0 ? Integer.parseInt(args[0]) : MEASURED;
    Path data = Files.createTempDirectory("swimmy-bench");
    try (FakeDiscord fake = new FakeDiscord().start()) {
      JdaDiscordBot bot = new JdaDiscordBot(settings(fake, data), new Views(), InteractionLatencyBenchmark::health,
          new NoDeadLetters(), Clock.systemUTC());
      bot.start();
      if (!bot.awaitStarted(Duration.ofSeconds(30))) {
        throw new IllegalStateException("bot did not become ready");
      }
      try {
        run(fake, WARMUP);
        long[] micros = run(fake, measured);
        Arrays.sort(micros);
        System.out.printf("interactions=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n", measured,
            micros[(int) Math.ceil(0.50 * measured) - 1] / 1000.0,
            micros[(int) Math.ceil(0.99 * measured) - 1] / 1000.0,
            micros[measured - 1] / 1000.0);
      } finally {
        bot.stop();
      }
    }
  }

  static long[] run(FakeDiscord fake, int n) {
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      Instant start = Instant.now();
      InjectedInteraction interaction = fake.injectSlashCommand(SlashCommand.named("status").option("section", "overview"));
      Instant received = awaitCallback(fake, interaction.id());
      micros[i] = Duration.between(start, received).toNanos() / 1000;
    }
    return micros;
  }

  static Instant awaitCallback(FakeDiscord fake, String interactionId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String path = "/interactions/" + interactionId + "/";
    while (System.nanoTime() < deadline) {
      if (fake.interactionCallback(interactionId).isPresent()) {
        List<RecordedCall> calls = new ArrayList<>(fake.requests());
        for (int i = calls.size() - 1; i >= 0; i--) {
          RecordedCall c = calls.get(i);
          if (c.path().startsWith(path) && c.path().contains("/callback")) {
            return c.at();
          }
        }
      }
      LockSupport.parkNanos(20_000);
    }
    throw new IllegalStateException("no callback for interaction " + interactionId + " (callback seen: "
        + fake.interactionCallback(interactionId).isPresent() + ", last calls: "
        + fake.requests().subList(Math.max(0, fake.requests().size() - 3), fake.requests().size()) + ")");
  }

  static JdaDiscordBot.Settings settings(FakeDiscord fake, Path data) {
    return new JdaDiscordBot.Settings(new Secret(fake.botToken()), URI.create(fake.apiBaseUrl()),
        OptionalLong.of(Long.parseLong(FakeGuild.GUILD_ID)), OptionalLong.empty(), Duration.ofMinutes(1),
        OptionalLong.empty(), new PanelIdFile(data.resolve("panel_message_id")), Duration.ofHours(1));
  }

  static RelayHealth health() {
    return new RelayHealth(Instant.now(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), Duration.ofSeconds(5), Optional.empty(), 0, List.of(), Map.of(), Optional.empty());
  }

  /** A fixed overview with the shape of the real one: three sources, own times, badges. */
  static final class Views implements StatusViews {
    final Message overview = Message.of(new Embed("Swimmy status", "", 0x2ECC71, List.of(
        new Field("Live status ✅", "written <t:1748768400:R>\nPnL today +1,234 · goal 41%", false),
        new Field("System metrics ⚠️ STALE", "written <t:1748761200:R>\nheap 512 MB · 42 strategies", false),
        new Field("Backtest cache ✅", "newest <t:1748700000:R>\n120 entries", false)), "swimmy"));

    @Override
    public Message status(StatusSection section) {
      return overview;
    }

    @Override
    public Map<String, SourceCondition> sourceStates() {
      return Map.of();
    }
  }
}
