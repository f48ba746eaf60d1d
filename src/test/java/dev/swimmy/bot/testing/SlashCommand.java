package dev.swimmy.bot.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A slash command use to inject with {@link FakeDiscord#injectSlashCommand(SlashCommand)}:
 * {@code SlashCommand.named("status").option("section", "pnl").by(FakeGuild.ADMIN)}.
 */
public record SlashCommand(String name, Optional<String> subcommand, Map<String, String> options,
    FakeGuild.Member member) {

  public SlashCommand {
    options = Map.copyOf(options);
  }

  public static SlashCommand named(String name) {
    return new SlashCommand(name, Optional.empty(), Map.of(), FakeGuild.PLAIN);
  }

  public SlashCommand subcommand(String sub) {
    return new SlashCommand(name, Optional.of(sub), options, member);
  }

  /** Adds a string option (type 3). */
  public SlashCommand option(String optionName, String value) {
    Map<String, String> more = new LinkedHashMap<>(options);
    more.put(optionName, value);
    return new SlashCommand(name, subcommand, more, member);
  }

  public SlashCommand by(FakeGuild.Member who) {
    return new SlashCommand(name, subcommand, options, who);
  }
}
