package dev.swimmy.bot.core.relay;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable queue between intake and the webhook lanes. A notification counts as queued only
 * once {@link #commit} has returned; every message is in one state: pending, in flight (claimed by
 * a lane), delivered (pruned later) or dead letter. Opening a spool returns anything left in flight
 * by a crash to pending, so the only duplicates a crash can cause are sends that were in flight.
 *
 * <p>What a commit does with each notification (duplicate, pending, or a dead letter of a dead
 * webhook) and which pending messages overflow drops is decided by {@link SpoolPolicy}, which every
 * implementation asks. Implementations: {@code edge.spool.SqliteSpool} (WAL, synchronous=FULL) in
 * production; an in-memory one in the test tree; {@code SpoolContract} in the test tree holds both to
 * this contract. Methods may be called from several threads; a write that cannot be made durable
 * throws {@link SpoolUnavailableException} and changes nothing.
 */
public interface Spool extends AutoCloseable {

  /**
   * Commits a batch in one transaction, in order. Each notification is either stored, or a
   * duplicate (same engine id seen within the dedupe window, or the same webhook and canonical
   * payload within the window; see {@link SpoolPolicy#dedupeKeys}) and not stored. A stored one is
   * pending, or a dead letter at once when its webhook is marked dead. When more than {@code
   * queueMax} would be pending, the oldest pending ZeroMQ ones are dropped (and counted in the
   * outcome; {@link SpoolPolicy#dropOldest}). A dropped message's keys stay in the window.
   */
  CommitOutcome commit(List<Notification> batch, Instant now) throws SpoolUnavailableException;

  /**
   * As {@link #commit}, also saying which spool id each notification got, in batch order ({@code 0}
   * for a duplicate that was not stored), so a caller that waits for one message's delivery can
   * recognise it. A spool that cannot tell returns no ids.
   */
  default Committed commitWithIds(List<Notification> batch, Instant now) throws SpoolUnavailableException {
    return new Committed(commit(batch, now), List.of());
  }

  /** Whether the webhook is marked dead; cheap enough to ask for every HTTP request. */
  default boolean isDead(String webhookId) throws SpoolUnavailableException {
    return deadWebhooks().stream().anyMatch(d -> d.webhookId().equals(webhookId));
  }

  /** Pending messages now, as cheaply as the spool can tell (the HTTP intake refuses past queue-max). */
  default int pendingCount() throws SpoolUnavailableException {
    return stats().pending();
  }

  /** Webhook ids that have pending messages and are not marked dead. */
  Set<String> webhooksWithPending() throws SpoolUnavailableException;

  /**
   * Each webhook's queue length: its messages accepted and not finished (pending plus in flight),
   * by webhook id; a webhook with none is absent. The sum equals {@link SpoolStats#pending()} plus
   * {@link SpoolStats#inFlight()}. Dead-lettered messages are finished and not counted.
   *
   * @throws SpoolUnavailableException if the spool cannot be read
   */
  Map<String, Integer> queuedByWebhook() throws SpoolUnavailableException;

  /** Claims up to {@code max} oldest pending messages of one webhook, in order, as in flight. */
  List<SpooledMessage> claim(String webhookId, int max) throws SpoolUnavailableException;

  /** Marks in-flight messages delivered (Discord answered 2xx); ids not in flight are left as they are. */
  void delivered(List<Long> ids, Instant at) throws SpoolUnavailableException;

  /**
   * Returns in-flight messages to pending, ahead of newer ones, counting one more attempt; ids not in
   * flight are left as they are.
   */
  void release(List<Long> ids) throws SpoolUnavailableException;

  /**
   * Moves pending or in-flight messages to dead letters, keeping the reason (e.g. Discord's 400 error
   * body); a delivered message stays delivered.
   */
  void deadLetter(List<Long> ids, String reason, Instant at) throws SpoolUnavailableException;

  /**
   * Marks a webhook dead (kept across restarts) and moves its pending messages to dead letters;
   * returns how many. In-flight ones are left to their lane. Marking it again keeps its {@code since}
   * and takes the new reason.
   */
  int markWebhookDead(String webhookId, String reason, Instant at) throws SpoolUnavailableException;

  /** Dead webhooks with why and since when, longest dead first. */
  List<DeadWebhook> deadWebhooks() throws SpoolUnavailableException;

  /**
   * Brings dead letters back to pending (of one webhook, or all when empty) and clears that
   * webhook's dead mark; returns how many messages were requeued.
   */
  int requeueDeadLetters(Optional<String> webhookId) throws SpoolUnavailableException;

  /** Deletes dead letters (of one webhook, or all when empty); returns how many. */
  int purgeDeadLetters(Optional<String> webhookId) throws SpoolUnavailableException;

  /** Dead letters, oldest first (in spool id order), at most {@code max}. */
  List<DeadLetter> deadLetters(int max) throws SpoolUnavailableException;

  /** Counts for metrics and {@code /notifier}. */
  SpoolStats stats() throws SpoolUnavailableException;

  @Override
  void close();

  /**
   * What a commit did: {@code queued} notifications stored (pending, or dead letters of a dead
   * webhook), {@code duplicates} not stored, and {@code dropped} pending messages overflow removed.
   */
  record CommitOutcome(int queued, int duplicates, int dropped) {}

  /** A commit's outcome and the spool id of each notification ({@code 0}: a duplicate). */
  record Committed(CommitOutcome outcome, List<Long> ids) {
    public Committed {
      ids = List.copyOf(ids);
    }
  }

  /** A webhook that answered 401/403/404. */
  record DeadWebhook(String webhookId, String reason, Instant since) {}

  /** A message that will not be sent unless an admin requeues it. */
  record DeadLetter(long id, String webhookId, String reason, Instant createdAt, Instant deadAt) {}

  /**
   * Queue figures; {@code oldestPending} is the earliest {@link Notification#createdAt} of the pending
   * messages (in-flight ones not counted), empty when nothing is pending.
   */
  record SpoolStats(int pending, int inFlight, int deadLetters, int deadWebhooks, Optional<Instant> oldestPending) {}
}
