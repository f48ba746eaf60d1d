package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.LaneState;
import dev.swimmy.bot.core.relay.UnrecordedOutcomes;

/**
 * One webhook's lane: the policy's {@link LaneState}, what it owes the spool, and its scheduling
 * flags. The flags are guarded by the lane's monitor; {@code state} and {@code owed} are used by one
 * step at a time.
 */
final class Lane {
  final String id;
  final LaneState state;
  final UnrecordedOutcomes owed;
  /** A step is running. */
  boolean running;
  /** Work may have arrived while a step ran: run another step when this one ends. */
  boolean nudged;
  /** The spool has marked this webhook dead: the lane runs no step until it is revived. */
  boolean dead;
  boolean wakeScheduled;
  /** Whether the current episode of unrecordable outcomes was logged (once per episode). */
  boolean owedLogged;

  Lane(String id, UnrecordedOutcomes owed) {
    this.id = id;
    this.state = new LaneState(id);
    this.owed = owed;
  }

  synchronized void markDead() {
    dead = true;
  }

  synchronized boolean isDead() {
    return dead;
  }

  /** Lets the lane run again; returns whether it was dead. */
  synchronized boolean revive() {
    boolean wasDead = dead;
    dead = false;
    state.revived();
    return wasDead;
  }
}
