package dev.swimmy.bot.core.history;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How much history is kept: rows older than {@code keep} are pruned, and each table holds at
 * most {@code maxRows} rows; past that the oldest go first ({@link #OVERFLOW_POLICY}), so the file
 * stays bounded even when the engine writes far more versions than expected.
 *
 * @param keep how long rows are kept; positive
 * @param maxRows the most rows per table; at least 1
 */
public record Retention(Duration keep, long maxRows) {
  /** The overflow policy's name, as logs and the README call it. */
  public static final String OVERFLOW_POLICY = "drop-oldest";
  /** 90 days. */
  public static final Duration DEFAULT_KEEP = Duration.ofDays(90);
  /** Per table; about 150 MB of status versions at most. */
  public static final long DEFAULT_MAX_ROWS = 2_000_000;

  public Retention {
    Objects.requireNonNull(keep, "keep");
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("history retention must be positive: " + keep);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("history max rows must be at least 1: " + maxRows);
    }
  }

  /** {@link #DEFAULT_KEEP} and {@link #DEFAULT_MAX_ROWS}. */
  public static Retention defaults() {
    return new Retention(DEFAULT_KEEP, DEFAULT_MAX_ROWS);
  }

  /** Rows strictly older than this are pruned at {@code now}. */
  public Instant cutoff(Instant now) {
    return now.minus(keep);
  }

  /** How many of {@code count} rows the cap asks to drop, oldest first. */
  public long excess(long count) {
    return Math.max(0, count - maxRows);
  }
}
