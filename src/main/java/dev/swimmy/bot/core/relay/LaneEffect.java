package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One thing the lane's edge must do after Discord answered, as {@link LanePolicy#result} decides
 * it: record an outcome in the spool, count it, tell a waiting caller, raise or clear an alert.
 * The edge performs them in order and decides nothing.
 */
public sealed interface LaneEffect {

  /** Discord's final answer for these messages (the HTTP intake's {@code ?wait=true} callers hear it). */
  record Answered(List<Long> ids, int status, String body) implements LaneEffect {
    public Answered {
      ids = List.copyOf(ids);
    }
  }

  /** The spool must record this outcome before the lane sends anything else. */
  record Record(UnrecordedOutcomes.Outcome outcome) implements LaneEffect {}

  /** {@code latencies.size()} messages delivered, each this long after it was created. */
  record Delivered(List<Duration> latencies) implements LaneEffect {
    public Delivered {
      latencies = List.copyOf(latencies);
    }
  }

  /** This many expired messages went out folded in a digest. */
  record Expired(int count) implements LaneEffect {}

  /** A failed attempt for {@code reason}; {@code retried} when the request will be tried again. */
  record Failed(FailureReason reason, boolean retried) implements LaneEffect {}

  /** A 429. */
  record RateLimited() implements LaneEffect {}

  /** The webhook's latest error, for {@code /notifier} (names the webhook by id only). */
  record LastError(LanesHealth.LastError error) implements LaneEffect {}

  /** Discord refused {@code count} messages for good: they are dead letters, for {@code reason}. */
  record DeadLettered(int count, String reason) implements LaneEffect {}

  /**
   * The webhook is gone (404) or refuses its token (401/403): mark it dead in the spool, move
   * {@code claimed} and everything pending for it to dead letters, and raise {@link
   * LanePolicy#deadWebhookAlert} with the number moved.
   */
  record WebhookDead(String detail, List<Long> claimed, Instant at) implements LaneEffect {
    public WebhookDead {
      claimed = List.copyOf(claimed);
    }
  }

  /** A global 429: every lane pauses until {@code until}. */
  record PausedAll(Instant until) implements LaneEffect {}

  /** An operator alert begins. */
  record Raise(Alert alert) implements LaneEffect {}

  /** The condition of alert {@code key} has ended. */
  record Clear(String key, String detail, Instant at) implements LaneEffect {}
}
