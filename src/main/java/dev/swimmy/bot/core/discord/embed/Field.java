package dev.swimmy.bot.core.discord.embed;

import java.util.Objects;

/** One name/value pair of an embed. Interim model until {@code core.render} lands. */
public record Field(String name, String value, boolean inline) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
