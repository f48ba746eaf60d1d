package dev.swimmy.bot.core.relay;

import java.time.Instant;

/** What a lane does next, as {@link LanePolicy#plan} decides it. */
public sealed interface LanePlan {

  /** Claim up to {@code count} pending messages from the spool, hand them to {@link LaneState#claimed}, plan again. */
  record Claim(int count) implements LanePlan {}

  /**
   * Post {@code body} to {@code webhook} (with {@code extras}), then hand the outcome to {@link
   * LanePolicy#result}. {@code split} and {@code truncations} tell how the request was fitted to
   * Discord's limits, on its first plan only (count them once).
   */
  record Send(WebhookAddress webhook, String body, MessageExtras extras, boolean split, int truncations)
      implements LanePlan {}

  /** Nothing may be sent before {@code until} (a pause, a rate limit, a backoff). */
  record Wait(Instant until) implements LanePlan {}

  /** Nothing to send: the lane sleeps until new work arrives. */
  record Idle() implements LanePlan {}
}
