package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.StatusSection;
import static dev.swimmy.bot.core.discord.BotCommands.DEAD_LETTERS;
import static dev.swimmy.bot.core.discord.BotCommands.HEALTH;
import static dev.swimmy.bot.core.discord.BotCommands.NOTIFIER;
import static dev.swimmy.bot.core.discord.BotCommands.PURGE;
import static dev.swimmy.bot.core.discord.BotCommands.REQUEUE;
import static dev.swimmy.bot.core.discord.BotCommands.SECTION;
import static dev.swimmy.bot.core.discord.BotCommands.STATUS;
import static dev.swimmy.bot.core.discord.BotCommands.WEBHOOK;

import dev.swimmy.bot.core.discord.CommandSpec.AdminPermission;
import dev.swimmy.bot.core.discord.CommandSpec.SubcommandSpec;
import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.history.Charts;
import dev.swimmy.bot.core.render.Message;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Answers slash commands from plain data: no JDA here, so every answer — including refusals —
 * is tested with records. The JDA edge only converts the event into an {@link Invocation} and the
 * {@link Reply} back; it turns anything this class throws into {@link #failure}.
 */
public final class CommandHandler {
  static final int DEAD_LETTER_LIST_MAX = 50;
  /** Titles of the embeds that carry the charts, shared with the status panel. */
  public static final String PNL_CHART_TITLE = "PnL today (JST)";
  /** The title of the embed that carries the relay's 24 h chart. */
  public static final String RELAY_CHART_TITLE = "Relay, last 24 h";

  private final StatusViews status;
  private final RelayHealthSource relay;
  private final DeadLetterAdmin deadLetters;
  private final Charts charts;
  private final InstantSource clock;

  /** A handler without charts: every answer is text only, and no time is read. */
  public CommandHandler(StatusViews status, RelayHealthSource relay, DeadLetterAdmin deadLetters) {
    this(status, relay, deadLetters, Charts.none(), () -> Instant.EPOCH);
  }

  /**
   * A handler whose {@code /status pnl} carries today's PnL chart and whose {@code /notifier
   * health} carries the relay's 24 h chart, drawn as of {@code clock}; either answer is text only
   * while its chart is empty.
   */
  public CommandHandler(StatusViews status, RelayHealthSource relay, DeadLetterAdmin deadLetters, Charts charts,
      InstantSource clock) {
    this.status = status;
    this.relay = relay;
    this.deadLetters = deadLetters;
    this.charts = charts;
    this.clock = clock;
  }

  /**
   * The answer to {@code inv}; an unknown command gets a private notice, a dead-letter action the
   * member lacks the permission for gets a private refusal.
   *
   * @throws Exception if the relay's health or the spool cannot be read; the edge answers with {@link #failure}
   */
  public Reply handle(Invocation inv) throws Exception {
    return switch (inv.command()) {
      case STATUS -> statusReply(inv);
      case NOTIFIER -> notifierReply(inv);
      default -> Reply.ephemeral(notice("Unknown command", "`/" + inv.command() + "` is not a command of this bot."));
    };
  }

  /** Whether the reply should be private; decided before the work so a deferral matches it. */
  public static boolean isEphemeral(Invocation inv) {
    return NOTIFIER.equals(inv.command()) && !inv.subcommand().orElse(HEALTH).equals(HEALTH);
  }

  /**
   * Whether the work touches storage and so might miss Discord's 3-second window: a permitted
   * dead-letter action. A refusal is instant and answered directly.
   */
  public static boolean mayTakeLong(Invocation inv) {
    return isEphemeral(inv) && neededPermission(inv).map(inv.memberPermissions()::contains).orElse(true);
  }

  private static Optional<AdminPermission> neededPermission(Invocation inv) {
    String sub = inv.subcommand().orElse(HEALTH);
    return BotCommands.notifier().subcommands().stream()
        .filter(s -> s.name().equals(sub))
        .findFirst()
        .flatMap(SubcommandSpec::recheckedPermission);
  }

  /** The short private message a member sees when handling failed; no internals, no secrets. */
  public static Reply failure(Throwable error) {
    String what = error instanceof java.util.concurrent.TimeoutException ? "took too long" : "failed";
    return Reply.ephemeral(notice("Sorry, that " + what, "The bot logged the details. Try again in a moment."));
  }

  private Reply statusReply(Invocation inv) {
    Optional<String> value = inv.option(SECTION);
    Optional<StatusSection> section = value.isEmpty() ? Optional.of(StatusSection.OVERVIEW) : value.flatMap(StatusSection::parse);
    if (section.isEmpty()) {
      return Reply.ephemeral(notice("Unknown section", "Pick one of the offered sections."));
    }
    Reply reply = Reply.visible(status.status(section.get()));
    return section.get() == StatusSection.PNL
        ? reply.withChart(charts.pnlToday(clock.instant()), PNL_CHART_TITLE)
        : reply;
  }

  private Reply notifierReply(Invocation inv) throws Exception {
    String sub = inv.subcommand().orElse(HEALTH);
    Optional<AdminPermission> needed = neededPermission(inv);
    if (needed.isPresent() && !inv.memberPermissions().contains(needed.get())) {
      return Reply.ephemeral(notice("Not allowed", "`/notifier " + sub + "` needs the Manage Server permission."));
    }
    Optional<String> webhook = inv.option(WEBHOOK);
    return switch (sub) {
      case HEALTH -> Reply.visible(RelayView.health(relay.snapshot()))
          .withChart(charts.relay24h(clock.instant()), RELAY_CHART_TITLE);
      case DEAD_LETTERS -> Reply.ephemeral(RelayView.deadLetters(deadLetters.list(DEAD_LETTER_LIST_MAX), deadLetters.count()));
      case REQUEUE -> Reply.ephemeral(RelayView.requeued(deadLetters.requeue(webhook), webhook));
      case PURGE -> Reply.ephemeral(RelayView.purged(deadLetters.purge(webhook), webhook));
      default -> Reply.ephemeral(notice("Unknown subcommand", "`/notifier " + sub + "` does not exist."));
    };
  }

  private static Message notice(String title, String text) {
    return Embeds.simple(title, text, Colors.BAD);
  }
}
