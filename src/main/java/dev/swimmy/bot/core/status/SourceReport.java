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
 * @param source which source
 * @param state its state at {@code now}
 * @param shown the snapshot to show, null when there is none at all
 * @param shownIsLastGood true when {@code shown} is an earlier good read, not the file as it is
 * @param shownFromDisk true when {@code shown} was reloaded from disk after a restart
 * @param issue why the file is not the current snapshot; null for OK, STALE and CLOCK_SKEW
 * @param now the moment of the report
 * @param staleAfter how old the own time may be before the source is STALE
 * @param required false for a source the engine may not write at all: missing, it is {@code
 *     NOT_WRITTEN}, not {@code MISSING}
 * @param market where {@code now} falls in the source's market calendar; null when the source
 *     has none (or its calendar is {@link MarketHours#always()})
 *
 */
public record SourceReport(
    SourceId source,
    SourceState state,
    Snapshot shown,
    boolean shownIsLastGood,
    boolean shownFromDisk,
    Issue issue,
    Instant now,
    Duration staleAfter,
    boolean required,
    MarketHours.Session market) {
  public SourceReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(staleAfter, "staleAfter");
  }

  /** A report of a required source without a market calendar. */
  public SourceReport(SourceId source, SourceState state, Snapshot shown, boolean shownIsLastGood,
      boolean shownFromDisk, Issue issue, Instant now, Duration staleAfter) {
    this(source, state, shown, shownIsLastGood, shownFromDisk, issue, now, staleAfter, true, null);
  }

  /** The pure last-good decision: the state and what to show, given the file's read outcome. */
  public static SourceReport decide(
      SourceId source, ReadOutcome current, LastGood lastGood, Instant now, Duration staleAfter) {
    return decide(source, current, lastGood, now, staleAfter, true, MarketHours.always());
  }

  /**
   * The pure last-good decision for a source that may be optional ({@code required} false: a
   * missing file is {@code NOT_WRITTEN}, shown as one neutral line without last good values) and
   * may follow a market calendar ({@link Freshness#assess(Instant, Instant, Duration,
   * MarketHours)}).
   */
  public static SourceReport decide(SourceId source, ReadOutcome current, LastGood lastGood,
      Instant now, Duration staleAfter, boolean required, MarketHours hours) {
    MarketHours.Session market = hours.sessionAt(now).orElse(null);
    if (current instanceof ReadOutcome.Good good) {
      Snapshot s = good.snapshot();
      SourceState state = Freshness.assess(s.ownTime(), now, staleAfter, hours);
      return new SourceReport(source, state, s, false, false, null, now, staleAfter, required, market);
    }
    Issue issue = ((ReadOutcome.Bad) current).issue();
    if (!required && issue instanceof Issue.Missing) {
      return new SourceReport(source, SourceState.NOT_WRITTEN, null, false, false, issue, now,
          staleAfter, false, market);
    }
    SourceState state =
        issue instanceof Issue.Missing
            ? SourceState.MISSING
            : issue instanceof Issue.SchemaMismatch
                ? SourceState.SCHEMA_MISMATCH
                : SourceState.PARSE_ERROR;
    Snapshot shown = lastGood == null ? null : lastGood.snapshot();
    boolean fromDisk = lastGood != null && lastGood.fromDisk();
    return new SourceReport(source, state, shown, shown != null, fromDisk, issue, now, staleAfter,
        required, market);
  }

  /**
   * Whether this report is a dead-man condition now: a required source that is {@code STALE} or
   * {@code MISSING}, and for a source with a market calendar only while the market is open (a
   * live status that went stale before a weekend is shown as STALE, but nobody is paged for it
   * until the market reopens). Optional sources and the neutral states never are.
   */
  public boolean isDeadMan() {
    boolean silent = state == SourceState.STALE || state == SourceState.MISSING;
    return required && silent && (market == null || market.open());
  }

  /** The snapshot to show (the file's own or the last good one); empty when there is none. */
  public Optional<Snapshot> snapshot() {
    return Optional.ofNullable(shown);
  }

  /** Why the file is not the current snapshot; empty for OK, STALE and CLOCK_SKEW. */
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
