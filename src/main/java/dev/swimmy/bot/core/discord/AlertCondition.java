package dev.swimmy.bot.core.discord;

import java.util.Objects;

/**
 * A problem that holds right now: its kind, what it is about ({@code subject}, e.g. a webhook id
 * or a source name; "" when the kind has one subject) and a short detail. Episodes are keyed by
 * kind and subject; the detail may change within one episode without raising it again.
 */
public record AlertCondition(AlertKind kind, String subject, String detail) {
  public AlertCondition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  public Key key() {
    return new Key(kind, subject);
  }

  public record Key(AlertKind kind, String subject) {}
}
