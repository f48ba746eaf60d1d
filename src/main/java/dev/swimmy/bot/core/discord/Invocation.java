package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.discord.CommandSpec.AdminPermission;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A slash command as the bot received it, stripped of JDA: the command, its subcommand, string
 * options, and the permissions the invoking member holds in that channel.
 */
public record Invocation(
    String command, Optional<String> subcommand, Map<String, String> options, Set<AdminPermission> memberPermissions) {
  public Invocation {
    options = Map.copyOf(options);
    memberPermissions = Set.copyOf(memberPermissions);
  }

  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
  }
}
