package dev.swimmy.bot.core.status;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One good read of a status file, typed. Every snapshot carries the time its own source says it
 * was written ({@link #ownTime()}), never the time it was read. A value the file does not have (or
 * has with the wrong type) is null in the record and shown as "—", never zero. {@code unknown}
 * keeps the fields this version does not know, in file order, nil values as null.
 */
public sealed interface Snapshot {

  SourceId source();

  int schemaVersion();

  /** When the source says its data was written. */
  Instant ownTime();

  /** {@code .opus/live_status.sexp}; own time is {@code last_updated}, JST wall time. */
  record LiveStatus(
      int schemaVersion,
      Instant ownTime,
      Double dailyPnl,
      Double accumulatedPnl,
      Double monthlyGoal,
      Double goalProgress,
      String regime,
      String volatility,
      String leader,
      Long dangerLevel,
      Double ecosystemHealth,
      Instant lastGuardianHeartbeat,
      Long tickAgeSecs,
      Long totalTrades,
      Double warmupProgress,
      Boolean warmupComplete,
      Map<String, Object> unknown)
      implements Snapshot {
    public LiveStatus {
      Objects.requireNonNull(ownTime, "ownTime");
      unknown = Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }

    @Override
    public SourceId source() {
      return SourceId.LIVE_STATUS;
    }
  }

  /** {@code data/system_metrics.sexp}; own time is {@code timestamp}, universal time. */
  record SystemMetrics(
      int schemaVersion,
      Instant ownTime,
      Long heapUsedBytes,
      Double heapUsedMb,
      Long strategyCount,
      Long uptimeSeconds,
      Map<String, Object> unknown)
      implements Snapshot {
    public SystemMetrics {
      Objects.requireNonNull(ownTime, "ownTime");
      unknown = Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }

    @Override
    public SourceId source() {
      return SourceId.SYSTEM_METRICS;
    }
  }

  /**
   * {@code data/backtest_cache.sexp}, summarised: the entry count, the newest entry and the best
   * entries by sharpe (the whole 20k-entry list is not kept). {@code skippedEntries} counts entries
   * without a name or timestamp, which are left out of the rest. {@code newest} is null when no
   * entry was readable. Own time is the newest entry's
   * timestamp, or the file's mtime when there are no entries ({@link #ownTimeIsFileMtime()}).
   */
  record BacktestCache(
      int schemaVersion,
      Instant ownTime,
      boolean ownTimeIsFileMtime,
      int entryCount,
      int skippedEntries,
      BacktestEntry newest,
      List<BacktestEntry> topBySharpe)
      implements Snapshot {
    public BacktestCache {
      Objects.requireNonNull(ownTime, "ownTime");
      topBySharpe = List.copyOf(topBySharpe);
    }

    @Override
    public SourceId source() {
      return SourceId.BACKTEST_CACHE;
    }
  }

  /** One backtest result; any metric may be absent (null). */
  record BacktestEntry(
      String name,
      Instant timestamp,
      Double sharpe,
      Double profitFactor,
      Long trades,
      Double winRate,
      Double maxDrawdown,
      Double pnl) {
    public BacktestEntry {
      Objects.requireNonNull(name, "name");
    }
  }
}
