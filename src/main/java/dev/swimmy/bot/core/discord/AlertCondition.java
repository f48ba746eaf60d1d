package dev.swimmy.bot.core.discord;

import java.util.Objects;

/**
 * A problem that holds right now: its kind, what it is about ({@code subject}, e.g. a webhook id
 * or a source name; "" when the kind has one subject) and a short detail. Episodes are keyed by
 * kind and subject; the detail may change within one episode without raising it again.
 *
 * @param kind the kind of alert, not null
 * @param subject what it is about; "" when the kind has one subject; not null
 * @param detail a short detail for the admins, not null
 */
public record AlertCondition(AlertKind kind, String subject, String detail) {
  public AlertCondition {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  /** What identifies this condition's episode: kind and subject, not detail. */
  public Key key() {
    return new Key(kind, subject);
  }

  /**
   * An episode's identity: the condition's kind and subject.
   *
   * @param kind the condition's kind
   * @param subject the condition's subject
   */
  public record Key(AlertKind kind, String subject) {}
}
