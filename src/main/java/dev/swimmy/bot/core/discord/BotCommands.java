package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.discord.CommandSpec.AdminPermission;
import dev.swimmy.bot.core.discord.CommandSpec.Choice;
import dev.swimmy.bot.core.discord.CommandSpec.OptionSpec;
import dev.swimmy.bot.core.discord.CommandSpec.SubcommandSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bot's slash commands. {@code /status} is for everyone. {@code /notifier} is an operator's
 * tool: Discord shows it to members with Manage Server by default (an admin can open it to an
 * operators role under Server Settings → Integrations), and its dead-letter subcommands check
 * Manage Server again on every use so that widening the command never opens the actions.
 */
public final class BotCommands {
  /** {@code /status}. */
  public static final String STATUS = "status";
  /** The {@code /status} option that picks a section. */
  public static final String SECTION = "section";
  /** {@code /notifier}. */
  public static final String NOTIFIER = "notifier";
  /** {@code /notifier health}, the default subcommand. */
  public static final String HEALTH = "health";
  /** {@code /notifier dead-letters}. */
  public static final String DEAD_LETTERS = "dead-letters";
  /** {@code /notifier requeue}. */
  public static final String REQUEUE = "requeue";
  /** {@code /notifier purge}. */
  public static final String PURGE = "purge";
  /** The option that limits a dead-letter action to one webhook id. */
  public static final String WEBHOOK = "webhook";

  private BotCommands() {}

  /** Every slash command the bot registers: {@code /status} and {@code /notifier}. */
  public static List<CommandSpec> all() {
    return List.of(status(), notifier());
  }

  static CommandSpec status() {
    List<Choice> choices =
        Arrays.stream(StatusSection.values()).map(s -> new Choice(s.title(), s.optionName())).toList();
    OptionSpec section = new OptionSpec(SECTION, "Which part to show (default: overview)", false, choices);
    return new CommandSpec(
        STATUS, "Engine status: PnL, market, warm-up, system, backtests", List.of(section), List.of(), Optional.empty());
  }

  static CommandSpec notifier() {
    Optional<AdminPermission> admin = Optional.of(AdminPermission.MANAGE_SERVER);
    OptionSpec webhook = new OptionSpec(WEBHOOK, "Webhook id (default: all webhooks)", false, List.of());
    return new CommandSpec(
        NOTIFIER,
        "Notification relay health and dead letters",
        List.of(),
        List.of(
            new SubcommandSpec(HEALTH, "Queue, drops, errors, retries, latency, dead webhooks", List.of(), Optional.empty()),
            new SubcommandSpec(DEAD_LETTERS, "List dead letters (admin)", List.of(), admin),
            new SubcommandSpec(REQUEUE, "Send dead letters again (admin)", List.of(webhook), admin),
            new SubcommandSpec(PURGE, "Delete dead letters for good (admin)", List.of(webhook), admin)),
        admin);
  }
}
