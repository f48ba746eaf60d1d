package dev.swimmy.bot.core.history;

import dev.swimmy.bot.core.status.Snapshot.LiveStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * One distinct live-status version as the history keeps it: the engine's own time of the version
 * and the figures an operator follows over time. Any figure the file did not have is null (never
 * zero), so a chart leaves it out rather than drawing a false 0. Two versions are the same
 * version when their own times are equal: the engine writes {@code last_updated} on every write.
 *
 * @param at the version's own time ({@code last_updated}), not the time it was read
 * @param dailyPnl today's PnL in yen
 * @param accumulatedPnl the accumulated PnL in yen ({@code accumulated_pnl})
 * @param monthlyGoal the monthly goal in yen
 * @param goalProgress percent of the monthly goal (46.9 means 46.9 %)
 * @param regime the engine's market regime
 * @param volatility the engine's volatility word
 * @param dangerLevel the engine's danger level
 * @param trades the engine's {@code total_trades}
 */
public record StatusVersion(
    Instant at,
    Double dailyPnl,
    Double accumulatedPnl,
    Double monthlyGoal,
    Double goalProgress,
    String regime,
    String volatility,
    Long dangerLevel,
    Long trades) {
  public StatusVersion {
    Objects.requireNonNull(at, "at");
  }

  /** The version a decoded live status is. */
  public static StatusVersion of(LiveStatus s) {
    return new StatusVersion(s.ownTime(), dbl(s.dailyPnl()), dbl(s.accumulatedPnl()),
        dbl(s.monthlyGoal()), dbl(s.goalProgress()), s.regime(), s.volatility(),
        lng(s.dangerLevel()), lng(s.totalTrades()));
  }

  /**
   * The version a live-status report brings: its snapshot when that is the file as it is now
   * (not an earlier good copy shown in place of a broken or missing file, which is an old version
   * the history already has, or should not get twice).
   */
  public static java.util.Optional<StatusVersion> in(dev.swimmy.bot.core.status.SourceReport report) {
    if (report.shown() instanceof LiveStatus s && !report.shownIsLastGood()) {
      return java.util.Optional.of(of(s));
    }
    return java.util.Optional.empty();
  }

  private static Double dbl(BigDecimal v) {
    if (v == null) {
      return null;
    }
    double d = v.doubleValue();
    return Double.isFinite(d) ? d : null;
  }

  /** An integer beyond a long's range is not a figure a chart can draw: null. */
  private static Long lng(BigInteger v) {
    return v == null || v.bitLength() > 63 ? null : v.longValue();
  }
}
