package dev.swimmy.bot.core.discord;

import java.time.Instant;

/** An alert to send: a condition was raised, or an episode ended (recovered). */
public sealed interface AlertEvent {
  /** The condition the alert is about. */
  AlertCondition condition();

  /**
   * A condition to announce.
   *
   * @param condition the condition as last seen
   * @param since when its episode began
   */
  record Raised(AlertCondition condition, Instant since) implements AlertEvent {}

  /**
   * An episode that ended.
   *
   * @param condition the condition as last seen
   * @param since when the episode began
   * @param at when it was found over
   */
  record Recovered(AlertCondition condition, Instant since, Instant at) implements AlertEvent {}
}
