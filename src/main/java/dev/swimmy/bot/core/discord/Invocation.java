package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.discord.CommandSpec.AdminPermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A slash command as the bot received it, stripped of JDA: the command, its subcommand, string
 * options, and the permissions the invoking member holds in that channel.
 *
 * @param command the command's name, e.g. {@code notifier}
 * @param subcommand the subcommand's name, empty for none
 * @param options option name to its value as a string; copied
 * @param memberPermissions the admin permissions the invoking member holds in that channel; copied
 */
public record Invocation(
    String command, Optional<String> subcommand, Map<String, String> options, Set<AdminPermission> memberPermissions) {
  public Invocation {
    options = Map.copyOf(options);
    memberPermissions = Set.copyOf(memberPermissions);
  }

  /** The value of option {@code name}; empty when it was not given or is blank. */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
  }
}
