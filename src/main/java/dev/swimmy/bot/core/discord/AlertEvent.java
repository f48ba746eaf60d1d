package dev.swimmy.bot.core.discord;

import java.time.Instant;

/** An alert to send: a condition was raised, or an episode ended (recovered). */
public sealed interface AlertEvent {
  AlertCondition condition();

  record Raised(AlertCondition condition, Instant since) implements AlertEvent {}

  record Recovered(AlertCondition condition, Instant since, Instant at) implements AlertEvent {}
}
