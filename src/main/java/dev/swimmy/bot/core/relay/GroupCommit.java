package dev.swimmy.bot.core.relay;

/**
 * The spool's shared commit as an intake sees it: a notification handed in joins the next
 * transaction, so concurrent requests share one fsync. The ZeroMQ intake's {@code
 * edge.zmq.SpoolWriter} implements it; the HTTP intake submits through it.
 *
 * <p>Contract: a notification is acknowledged (through its {@link Completion}) only after COMMIT,
 * so a kill loses only submissions whose callers have not had their answer.
 */
public interface GroupCommit {
  /**
   * Queues one notification for the next commit; {@code done} is told after it. Returns false,
   * telling nobody, when the queue of waiting submissions is full or the writer stopped.
   */
  boolean submit(Notification notification, Completion done);

  /** Told on the committing thread once a submitted notification is committed, or could not be. */
  interface Completion {
    /** Committed: {@code id} is its spool id, or 0 when it was a duplicate (or the spool cannot tell). */
    void committed(long id);

    /** The spool could not commit it: it is not queued. */
    void failed();
  }
}
