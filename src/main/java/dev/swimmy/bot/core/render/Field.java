package dev.swimmy.bot.core.render;

import java.util.Objects;

/**
 * One embed field.
 *
 * @param name the field's name, not null
 * @param value the field's value, not null
 * @param inline whether Discord may put it beside its neighbours
 */
public record Field(String name, String value, boolean inline) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
