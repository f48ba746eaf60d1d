package dev.swimmy.bot.core.status;

/**
 * The one state a source is in, declared from best to worst: the worst state of all sources sets
 * the overview's colour.
 */
public enum SourceState {
  /** Read, right schema, own time within the stale threshold. */
  OK,
  /** Own time more than {@link Freshness#SKEW_TOLERANCE} in the future: not stale, but flagged. */
  CLOCK_SKEW,
  /** Own time older than the source's stale threshold. */
  STALE,
  /** The file's schema is not the configured one; the last good snapshot (if any) is shown. */
  SCHEMA_MISMATCH,
  /** The file is broken; the last good snapshot (if any) is shown with its age. */
  PARSE_ERROR,
  /** The file is not there; the last good snapshot (if any) is shown with its age. */
  MISSING;

  public boolean worseThan(SourceState other) {
    return compareTo(other) > 0;
  }
}
