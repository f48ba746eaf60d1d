package dev.swimmy.bot.core.discord;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A slash command as plain data: what Discord is told at registration. The JDA edge translates it
 * into {@code CommandData}; tests read it directly.
 *
 * @param name the command's name as typed after {@code /}, not null
 * @param description what Discord shows under the name
 * @param options the options, in order; copied; empty when there are subcommands
 * @param subcommands the subcommands, in order; copied
 * @param requiredPermission the {@code default_member_permissions} Discord applies (server admins
 *     may widen it per role); empty means everyone may use the command
 */
public record CommandSpec(
    String name,
    String description,
    List<OptionSpec> options,
    List<SubcommandSpec> subcommands,
    Optional<AdminPermission> requiredPermission) {

  public CommandSpec {
    Objects.requireNonNull(name, "name");
    options = List.copyOf(options);
    subcommands = List.copyOf(subcommands);
    if (!options.isEmpty() && !subcommands.isEmpty()) {
      throw new IllegalArgumentException("Discord does not allow options beside subcommands");
    }
  }

  /**
   * A string option, with fixed choices when {@code choices} is not empty.
   *
   * @param name the option's name
   * @param description what Discord shows for it
   * @param required whether Discord insists on a value
   * @param choices the allowed values; copied; empty for free text
   */
  public record OptionSpec(String name, String description, boolean required, List<Choice> choices) {
    public OptionSpec {
      choices = List.copyOf(choices);
    }
  }

  /**
   * One allowed value of an option.
   *
   * @param label what the member sees
   * @param value what the bot receives
   */
  public record Choice(String label, String value) {}

  /**
   * A subcommand; {@code recheckedPermission} is checked again on every use, whatever the server's
   * command settings say, because those can be widened by any admin.
   *
   * @param name the subcommand's name
   * @param description what Discord shows for it
   * @param options its options, in order; copied
   */
  public record SubcommandSpec(
      String name, String description, List<OptionSpec> options, Optional<AdminPermission> recheckedPermission) {
    public SubcommandSpec {
      options = List.copyOf(options);
    }
  }

  /** The Discord permission that guards admin actions. */
  public enum AdminPermission {
    /** "Manage Server": held by the people who run the server. */
    MANAGE_SERVER
  }
}
