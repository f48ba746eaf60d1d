package dev.swimmy.bot.core.status;

/** What one read of a status file gave: a snapshot, or the issue that kept it from being one. */
public sealed interface ReadOutcome {

  record Good(Snapshot snapshot) implements ReadOutcome {}

  record Bad(Issue issue) implements ReadOutcome {}
}
