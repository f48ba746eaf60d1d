package dev.swimmy.bot.edge.zmq;

import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.Spool.CommitOutcome;
import java.util.List;

/** Told on {@code swimmy-spool-writer} after each batch is committed; for load generators and tests. */
@FunctionalInterface
public interface IntakeListener {
  IntakeListener NONE = (batch, outcome) -> {};

  void committed(List<Notification> batch, CommitOutcome outcome);
}
