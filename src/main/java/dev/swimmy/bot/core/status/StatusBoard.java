package dev.swimmy.bot.core.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The three sources' reports taken at one moment, {@code now}: what every view renders. */
public record StatusBoard(
    SourceReport liveStatus, SourceReport systemMetrics, SourceReport backtestCache, Instant now) {
  public StatusBoard {
    Objects.requireNonNull(liveStatus, "liveStatus");
    Objects.requireNonNull(systemMetrics, "systemMetrics");
    Objects.requireNonNull(backtestCache, "backtestCache");
    Objects.requireNonNull(now, "now");
  }

  public List<SourceReport> reports() {
    return List.of(liveStatus, systemMetrics, backtestCache);
  }

  public SourceReport report(SourceId id) {
    return switch (id) {
      case LIVE_STATUS -> liveStatus;
      case SYSTEM_METRICS -> systemMetrics;
      case BACKTEST_CACHE -> backtestCache;
    };
  }

  /** The worst state of the three, which sets the overview's colour. */
  public SourceState worst() {
    return reports().stream().map(SourceReport::state).max(Comparator.naturalOrder()).orElseThrow();
  }
}
