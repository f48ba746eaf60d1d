package dev.swimmy.bot.core.render;

import java.util.Objects;

/** One embed field. */
public record Field(String name, String value, boolean inline) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
