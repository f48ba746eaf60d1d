package dev.swimmy.bot.core.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot knows about one source at one moment: its state, the snapshot to show (the file's
 * own when it read well, else the last good one), how old that snapshot's own time is, and the
 * issue behind a non-OK state.
 *
 * @param shown the snapshot to show, null when there is none at all
 * @param shownIsLastGood true when {@code shown} is an earlier good read, not the file as it is
 * @param shownFromDisk true when {@code shown} was reloaded from disk after a restart
 * @param issue why the file is not the current snapshot; null for OK, STALE and CLOCK_SKEW
 */
public record SourceReport(
    SourceId source,
    SourceState state,
    Snapshot shown,
    boolean shownIsLastGood,
    boolean shownFromDisk,
    Issue issue,
    Instant now,
    Duration staleAfter) {
  public SourceReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(staleAfter, "staleAfter");
  }

  /** The pure last-good decision: the state and what to show, given the file's read outcome. */
  public static SourceReport decide(
      SourceId source, ReadOutcome current, LastGood lastGood, Instant now, Duration staleAfter) {
    if (current instanceof ReadOutcome.Good good) {
      Snapshot s = good.snapshot();
      SourceState state = Freshness.assess(s.ownTime(), now, staleAfter);
      return new SourceReport(source, state, s, false, false, null, now, staleAfter);
    }
    Issue issue = ((ReadOutcome.Bad) current).issue();
    SourceState state =
        issue instanceof Issue.Missing
            ? SourceState.MISSING
            : issue instanceof Issue.SchemaMismatch
                ? SourceState.SCHEMA_MISMATCH
                : SourceState.PARSE_ERROR;
    Snapshot shown = lastGood == null ? null : lastGood.snapshot();
    boolean fromDisk = lastGood != null && lastGood.fromDisk();
    return new SourceReport(source, state, shown, shown != null, fromDisk, issue, now, staleAfter);
  }

  public Optional<Snapshot> snapshot() {
    return Optional.ofNullable(shown);
  }

  public Optional<Issue> problem() {
    return Optional.ofNullable(issue);
  }

  /** How old the shown snapshot's own time is at {@link #now()}; negative under clock skew. */
  public Optional<Duration> age() {
    return snapshot().map(s -> Duration.between(s.ownTime(), now));
  }

  /** True when the shown snapshot's own data is itself past the stale threshold. */
  public boolean shownIsStale() {
    return age().map(a -> a.compareTo(staleAfter) > 0).orElse(false);
  }
}
