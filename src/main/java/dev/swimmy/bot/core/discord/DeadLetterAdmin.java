package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.util.List;
import java.util.Optional;

/** The admin actions on dead letters that {@code /notifier} exposes. */
public interface DeadLetterAdmin {
  List<DeadLetter> list(int max) throws SpoolUnavailableException;

  /** Total dead letters (the list may be capped). */
  int count() throws SpoolUnavailableException;

  int requeue(Optional<String> webhookId) throws SpoolUnavailableException;

  int purge(Optional<String> webhookId) throws SpoolUnavailableException;

  /** The spool's own dead-letter operations. */
  static DeadLetterAdmin of(Spool spool) {
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
        return spool.requeueDeadLetters(webhookId);
      }

      @Override
      public int purge(Optional<String> webhookId) throws SpoolUnavailableException {
        return spool.purgeDeadLetters(webhookId);
      }
    };
  }
}
