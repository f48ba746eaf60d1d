package dev.swimmy.bot.core.status;

import java.time.Duration;
import java.time.Instant;

/** The pure freshness decision for a snapshot that was read well. */
public final class Freshness {
  /** How far in the future a source's own time may be before it is flagged as clock skew. */
  public static final Duration SKEW_TOLERANCE = Duration.ofSeconds(30);

  private Freshness() {}

  /** {@code OK}, {@code STALE} (strictly older than {@code staleAfter}) or {@code CLOCK_SKEW}. */
  public static SourceState assess(Instant ownTime, Instant now, Duration staleAfter) {
    Duration age = Duration.between(ownTime, now);
    if (age.negated().compareTo(SKEW_TOLERANCE) > 0) {
      return SourceState.CLOCK_SKEW;
    }
    return age.compareTo(staleAfter) > 0 ? SourceState.STALE : SourceState.OK;
  }
}
