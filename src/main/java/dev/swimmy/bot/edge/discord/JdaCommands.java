package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.CommandSpec;
import dev.swimmy.bot.core.discord.CommandSpec.AdminPermission;
import dev.swimmy.bot.core.discord.CommandSpec.OptionSpec;
import dev.swimmy.bot.core.discord.CommandSpec.SubcommandSpec;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** Translates the bot's command specs into JDA's {@code CommandData}; guild-only commands. */
final class JdaCommands {
  private JdaCommands() {}

  static List<CommandData> of(List<CommandSpec> specs) {
    return specs.stream().map(JdaCommands::of).toList();
  }

  static CommandData of(CommandSpec spec) {
    SlashCommandData data = Commands.slash(spec.name(), spec.description());
    data.setContexts(Set.of(InteractionContextType.GUILD));
    spec.options().forEach(o -> data.addOptions(option(o)));
    for (SubcommandSpec s : spec.subcommands()) {
      SubcommandData sub = new SubcommandData(s.name(), s.description());
      s.options().forEach(o -> sub.addOptions(option(o)));
      data.addSubcommands(sub);
    }
    spec.requiredPermission()
        .ifPresent(p -> data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(permission(p))));
    return data;
  }

  static Permission permission(AdminPermission p) {
    return switch (p) {
      case MANAGE_SERVER -> Permission.MANAGE_SERVER;
    };
  }

  private static OptionData option(OptionSpec o) {
    OptionData data = new OptionData(OptionType.STRING, o.name(), o.description(), o.required());
    o.choices().forEach(c -> data.addChoice(c.label(), c.value()));
    return data;
  }
}
