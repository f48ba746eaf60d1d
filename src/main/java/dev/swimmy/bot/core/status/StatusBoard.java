package dev.swimmy.bot.core.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The three sources' reports taken at one moment, {@code now}: what every view renders, with the
 * bot's own figures ({@code bot}, null where the bot is not running, as in {@code render}).
 *
 * @param liveStatus the live status report, not null
 * @param systemMetrics the system metrics report, not null
 * @param backtestCache the backtest cache report, not null
 * @param now when the reports were taken, not null
 * @param bot the bot's own figures; null where the bot is not running
 */
public record StatusBoard(
    SourceReport liveStatus,
    SourceReport systemMetrics,
    SourceReport backtestCache,
    Instant now,
    BotFigures bot) {
  public StatusBoard {
    Objects.requireNonNull(liveStatus, "liveStatus");
    Objects.requireNonNull(systemMetrics, "systemMetrics");
    Objects.requireNonNull(backtestCache, "backtestCache");
    Objects.requireNonNull(now, "now");
  }

  /** A board without the bot's own figures. */
  public StatusBoard(SourceReport liveStatus, SourceReport systemMetrics, SourceReport backtestCache,
      Instant now) {
    this(liveStatus, systemMetrics, backtestCache, now, null);
  }

  /** The three reports: live status, system metrics, backtest cache. */
  public List<SourceReport> reports() {
    return List.of(liveStatus, systemMetrics, backtestCache);
  }

  /** The report of {@code id}; never null. */
  public SourceReport report(SourceId id) {
    return switch (id) {
      case LIVE_STATUS -> liveStatus;
      case SYSTEM_METRICS -> systemMetrics;
      case BACKTEST_CACHE -> backtestCache;
    };
  }

  /**
   * The worst problem of the three, which sets the overview's colour; {@code OK} when none has a
   * problem (a closed market or an optional file the engine does not write is not one).
   */
  public SourceState worst() {
    return reports().stream().map(SourceReport::state).filter(SourceState::isProblem)
        .max(Comparator.naturalOrder()).orElse(SourceState.OK);
  }
}
