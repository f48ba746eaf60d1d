package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.util.List;
import java.util.Optional;

/** The admin actions on dead letters that {@code /notifier} exposes. */
public interface DeadLetterAdmin {
  /**
   * Dead letters, oldest first, at most {@code max}.
   *
   * @throws SpoolUnavailableException if the spool cannot be read
   */
  List<DeadLetter> list(int max) throws SpoolUnavailableException;

  /** Total dead letters (the list may be capped). */
  int count() throws SpoolUnavailableException;

  /**
   * Brings the dead letters of one webhook, or of all when empty, back to pending and clears the
   * dead mark of the webhooks concerned.
   *
   * @return how many messages were requeued
   * @throws SpoolUnavailableException if the spool cannot be written
   */
  int requeue(Optional<String> webhookId) throws SpoolUnavailableException;

  /**
   * Deletes the dead letters of one webhook, or of all when empty.
   *
   * @return how many were deleted
   * @throws SpoolUnavailableException if the spool cannot be written
   */
  int purge(Optional<String> webhookId) throws SpoolUnavailableException;

  /** Brings one dead webhook back: requeues its dead letters and restarts its lane. */
  @FunctionalInterface
  interface Reviver {
    /** Requeues the dead letters of {@code webhookId} and makes it live again; returns how many were requeued. */
    int revive(String webhookId) throws SpoolUnavailableException;
  }

  /** The spool's own dead-letter operations; requeueing does not restart a dead webhook's lane. */
  static DeadLetterAdmin of(Spool spool) {
    return of(spool, id -> spool.requeueDeadLetters(Optional.of(id)));
  }

  /**
   * The spool's dead-letter operations, with requeueing through {@code reviver} (e.g. {@code
   * WebhookLanes::revive}) so a webhook that was marked dead gets a running lane again.
   */
  static DeadLetterAdmin of(Spool spool, Reviver reviver) {
    return new DeadLetterAdmin() {
      @Override
      public List<DeadLetter> list(int max) throws SpoolUnavailableException {
        return spool.deadLetters(max);
      }

      @Override
      public int count() throws SpoolUnavailableException {
        return spool.stats().deadLetters();
      }

      @Override
      public int requeue(Optional<String> webhookId) throws SpoolUnavailableException {
        if (webhookId.isPresent()) {
          return reviver.revive(webhookId.get());
        }
        int n = 0;
        for (Spool.DeadWebhook d : spool.deadWebhooks()) {
          n += reviver.revive(d.webhookId());
        }
        return n + spool.requeueDeadLetters(Optional.empty());
      }

      @Override
      public int purge(Optional<String> webhookId) throws SpoolUnavailableException {
        return spool.purgeDeadLetters(webhookId);
      }
    };
  }
}
