package dev.swimmy.bot.core.relay;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * One webhook lane as {@link LanePolicy} sees it: the messages it has claimed and not yet sent (in
 * spool order), the request in progress, failures in a row, and the earliest time it may act
 * again. Plain state, moved only by the policy's steps (and {@link
 * #claimed}); not thread-safe: the lane uses it from one step at a time.
 */
public final class LaneState {
  private final String webhookId;
  final Deque<SpooledMessage> carry = new ArrayDeque<>();
  LaneRequest inProgress;
  int failures;
  int sendSingly;
  Instant readyAt = Instant.MIN;
  /** Where this step's claims stand: 0 none yet, 1 the first claim made, 2 the spool had no more. */
  int claimPhase;

  /** An empty lane for {@code webhookId}, ready to act now. */
  public LaneState(String webhookId) {
    this.webhookId = Objects.requireNonNull(webhookId, "webhookId");
  }

  /** The webhook this lane delivers to, by id (never its token). */
  public String webhookId() {
    return webhookId;
  }

  /** Adds what the spool handed out for a {@link LanePlan.Claim}, in spool order. */
  public void claimed(List<SpooledMessage> messages) {
    carry.addAll(messages);
    if (claimPhase == 0) {
      claimPhase = 1;
    }
    if (messages.isEmpty()) {
      claimPhase = 2;
    }
  }

  /** When this lane may act again (its own waits only; see {@link LanePolicy#readyAt}). */
  public Instant readyAt() {
    return readyAt;
  }

  /**
   * Makes the lane wait until {@code at} after a failure of the edge's own (a spool write); the
   * next step starts its claims afresh.
   */
  public void waitUntil(Instant at) {
    readyAt = at;
    claimPhase = 0;
  }

  /** A webhook that was dead runs again: its failures so far no longer count toward its backoff. */
  public void revived() {
    failures = 0;
  }

  /** The request in progress, if any. */
  public java.util.Optional<LaneRequest> inProgress() {
    return java.util.Optional.ofNullable(inProgress);
  }

  /** Empties the lane: returns the ids of every claimed message it has not delivered (for a stop). */
  public List<Long> drain() {
    List<Long> ids = new ArrayList<>();
    if (inProgress != null) {
      ids.addAll(inProgress.ids());
      inProgress = null;
    }
    carry.forEach(m -> ids.add(m.id()));
    carry.clear();
    return ids;
  }
}
