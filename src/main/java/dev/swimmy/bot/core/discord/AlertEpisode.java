package dev.swimmy.bot.core.discord;

import java.time.Instant;
import java.util.Objects;

/**
 * One open episode: the condition as last seen (its detail may change within the episode), when
 * the episode began, when the condition was last seen, and whether the admins were told. The
 * store keeps all but {@code lastSeen}, which after a restart counts from the restart.
 *
 * @param condition the condition as last seen
 * @param since when the episode began
 * @param lastSeen when the condition was last seen
 * @param announced whether the admins were told
 */
public record AlertEpisode(AlertCondition condition, Instant since, Instant lastSeen, boolean announced) {
  public AlertEpisode {
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  /** The episode's identity, its condition's kind and subject. */
  public AlertCondition.Key key() {
    return condition.key();
  }
}
