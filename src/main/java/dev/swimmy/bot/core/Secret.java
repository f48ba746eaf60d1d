package dev.swimmy.bot.core;

import java.util.Objects;

/**
 * A value that must never be printed: the bot token, a webhook token. Its {@code toString} is a
 * fixed mask, so a secret that slips into a log line, an exception or a record's {@code
 * toString} shows nothing; only {@link #reveal()} gives the value, at the one place that sends it.
 */
public final class Secret {
  private final String value;

  /**
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret cannot be blank");
    }
  }

  /** The value itself; call it only where the secret is sent, never to log or show it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "****";
  }
}
