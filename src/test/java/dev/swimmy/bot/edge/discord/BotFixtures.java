package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.discord.DeadLetterAdmin;
import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.discord.RelayHealthSource;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import dev.swimmy.bot.edge.files.PanelIdFile;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeGuild;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stand-ins for the status and relay sides, and settings that point the bot at the fake. */
final class BotFixtures {
  static final Instant T0 = Instant.parse("2025-06-01T09:00:00Z");
  static final long CHANNEL = Long.parseLong(FakeGuild.TEXT_CHANNEL_ID);

  private BotFixtures() {}

  static JdaDiscordBot.Settings settings(FakeDiscord fake, Path dataDir, boolean panel) {
    return new JdaDiscordBot.Settings(
        new Secret(fake.botToken()),
        URI.create(fake.apiBaseUrl()),
        OptionalLong.of(Long.parseLong(FakeGuild.GUILD_ID)),
        panel ? OptionalLong.of(CHANNEL) : OptionalLong.empty(),
        Duration.ofMinutes(1),
        OptionalLong.of(CHANNEL),
        new PanelIdFile(dataDir.resolve("panel_message_id")),
        Duration.ofHours(1));
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /**
   * Status views showing each source with its own time and a badge, as the status service does;
   * tests change what a source says and its state.
   */
  static final class Views implements StatusViews {
    volatile String liveState = "OK";
    volatile Instant liveTime = T0.minusSeconds(30);
    final Instant systemTime = T0.minusSeconds(7200);
    /** When set, rendering fails with it. */
    volatile RuntimeException failWith;
    /** When set, rendering waits for it (a slow status read). */
    volatile java.util.concurrent.CountDownLatch gate;
    /** Overview renders so far: each panel tick renders the overview once, first thing. */
    final java.util.concurrent.atomic.AtomicInteger overviews = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Message status(StatusSection section) {
      if (section == StatusSection.OVERVIEW) {
        overviews.incrementAndGet();
      }
      if (failWith != null) {
        throw failWith;
      }
      if (gate != null) {
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      List<Field> fields = List.of(
          new Field("live-status " + badge(liveState), "written <t:" + liveTime.getEpochSecond() + ":R>", false),
          new Field("system-metrics " + badge("STALE"), "written <t:" + systemTime.getEpochSecond() + ":R>", false));
      return Message.of(new Embed("Swimmy status — " + section.optionName(), "", 0x3498DB, fields, ""));
    }

    @Override
    public Map<String, SourceCondition> sourceStates() {
      return Map.of("live-status", new SourceCondition(liveState, ""), "system-metrics", new SourceCondition("STALE", ""));
    }

    private static String badge(String state) {
      return "OK".equals(state) ? "✅" : "⚠️ " + state;
    }
  }

  static final class Relay implements RelayHealthSource {
    final List<DeadWebhook> dead = new CopyOnWriteArrayList<>();
    volatile Optional<Instant> oldestPending = Optional.of(T0.minusSeconds(12));
    /** When set, the snapshot fails with it (the spool cannot be read). */
    volatile RuntimeException failWith;

    @Override
    public RelayHealth snapshot() {
      if (failWith != null) {
        throw failWith;
      }
      return new RelayHealth(T0, 4, 120, 1, 3, 7, 2, 1, 5, 2, 0, Optional.of(Duration.ofMillis(35)),
          Optional.of(Duration.ofMillis(80)), Optional.of(Duration.ofMillis(140)), Duration.ofSeconds(5),
          oldestPending, 1, dead, Map.of(), Optional.empty());
    }
  }

  static final class Letters implements DeadLetterAdmin {
    final List<DeadLetter> letters = new CopyOnWriteArrayList<>(List.of(new DeadLetter(9, "777", "400 Invalid Form Body", T0, T0)));

    @Override
    public List<DeadLetter> list(int max) {
      return letters.subList(0, Math.min(max, letters.size()));
    }

    @Override
    public int count() {
      return letters.size();
    }

    @Override
    public int requeue(Optional<String> webhookId) {
      int n = letters.size();
      letters.clear();
      return n;
    }

    @Override
    public int purge(Optional<String> webhookId) {
      return requeue(webhookId);
    }
  }
}
