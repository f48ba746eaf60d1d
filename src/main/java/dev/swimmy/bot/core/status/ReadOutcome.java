package dev.swimmy.bot.core.status;

/** What one read of a status file gave: a snapshot, or the issue that kept it from being one. */
public sealed interface ReadOutcome {

  /** The file read well: {@code snapshot} is its content. */
  record Good(Snapshot snapshot) implements ReadOutcome {}

  /** The file could not be taken: {@code issue} says why. */
  record Bad(Issue issue) implements ReadOutcome {}
}
