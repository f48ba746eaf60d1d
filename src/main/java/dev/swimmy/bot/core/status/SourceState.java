package dev.swimmy.bot.core.status;

/**
 * The one state a source is in, declared from best to worst: the worst state of all sources sets
 * the overview's colour. {@link #MARKET_CLOSED} and {@link #NOT_WRITTEN} are neutral: they are
 * shown, but they are not problems and never colour a view or raise an alert.
 */
public enum SourceState {
  /** Read, right schema, own time within the stale threshold. */
  OK,
  /**
   * Live status only: the market is closed (per {@link MarketHours}) and the file was fresh at the
   * close, so the engine has no ticks to write; not a problem.
   */
  MARKET_CLOSED,
  /** An optional source whose file is not there: the engine does not write it. Not a problem. */
  NOT_WRITTEN,
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

  /** False for OK and the neutral states, which leave a view green and raise nothing. */
  public boolean isProblem() {
    return this != OK && this != MARKET_CLOSED && this != NOT_WRITTEN;
  }
}
