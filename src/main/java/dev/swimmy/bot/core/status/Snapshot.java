package dev.swimmy.bot.core.status;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One good read of a status file, typed. Every snapshot carries the time its own source says it
 * was written ({@link #ownTime()}), never the time it was read. A value the file does not have (or
 * has with the wrong type) is null in the record and shown as "—", never zero. Integers keep
 * every digit ({@link BigInteger}, or {@link BigDecimal} where the engine writes integers and
 * floats alike: its Lisp has no integer limit). {@code unknown} keeps
 * the fields this version does not know, in file order, nil values as null.
 */
public sealed interface Snapshot {

  /** Which of the three status files this was read from. */
  SourceId source();

  /** The file's {@code schema_version}. */
  int schemaVersion();

  /** When the source says its data was written. */
  Instant ownTime();

  /**
   * {@code .opus/live_status.sexp}; own time is {@code last_updated}, JST wall time. The heartbeat
   * and the tick age are {@link Sighting.NoneYet} at cold start (the engine writes 0 for both).
   */
  record LiveStatus(
      int schemaVersion,
      Instant ownTime,
      BigDecimal dailyPnl,
      BigDecimal accumulatedPnl,
      BigDecimal monthlyGoal,
      BigDecimal goalProgress,
      String regime,
      String volatility,
      String leader,
      BigInteger dangerLevel,
      BigDecimal ecosystemHealth,
      Sighting<Instant> lastGuardianHeartbeat,
      Sighting<BigInteger> tickAgeSecs,
      BigInteger totalTrades,
      BigDecimal warmupProgress,
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
      BigInteger heapUsedBytes,
      BigDecimal heapUsedMb,
      BigInteger strategyCount,
      BigInteger uptimeSeconds,
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
   * strategies by sharpe, each with its runs ({@link Strategy}; the whole 20k-entry list is not
   * kept). {@code skippedEntries} counts entries without a name or timestamp, which are left out of
   * the rest. {@code newest} is null when no entry was readable. Own time is the newest entry's
   * timestamp, or the file's mtime when there are no entries ({@link #ownTimeIsFileMtime()}).
   */
  record BacktestCache(
      int schemaVersion,
      Instant ownTime,
      boolean ownTimeIsFileMtime,
      int entryCount,
      int skippedEntries,
      BacktestEntry newest,
      List<Strategy> topBySharpe)
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
      BigInteger trades,
      Double winRate,
      Double maxDrawdown,
      Double pnl) {
    public BacktestEntry {
      Objects.requireNonNull(name, "name");
    }
  }

  /** How a backtest run's name says it was run: suffix {@code _IS}, {@code -OOS} / {@code _OOS}, or none. */
  enum RunKind {
    /** No suffix: the strategy's own backtest. */
    FULL(""),
    /** Suffix {@code _IS}: the in-sample run. */
    IN_SAMPLE("IS"),
    /** Suffix {@code -OOS} or {@code _OOS}: the out-of-sample run. */
    OUT_OF_SAMPLE("OOS");

    private final String label;

    RunKind(String label) {
      this.label = label;
    }

    /** {@code IS}, {@code OOS}, or empty for a run without a suffix. */
    public String label() {
      return label;
    }

    /** The kind a run's name says. */
    static RunKind of(String runName) {
      if (runName.endsWith("-OOS") || runName.endsWith("_OOS")) {
        return OUT_OF_SAMPLE;
      }
      return runName.endsWith("_IS") ? IN_SAMPLE : FULL;
    }
  }

  /**
   * One strategy and its runs in the cache: the engine names its in-sample and out-of-sample runs
   * of a strategy with suffixes ({@code _IS}, {@code -OOS}, {@code _OOS}), so they are one strategy
   * shown once, not three. Any run may be absent, not all. Where the cache has a run twice the
   * newer one is kept.
   */
  record Strategy(String name, BacktestEntry full, BacktestEntry inSample, BacktestEntry outOfSample) {
    public Strategy {
      Objects.requireNonNull(name, "name");
      if (full == null && inSample == null && outOfSample == null) {
        throw new IllegalArgumentException("a strategy without runs");
      }
    }

    /** The runs there are, in the order full, in-sample, out-of-sample. */
    public List<BacktestEntry> runs() {
      List<BacktestEntry> out = new java.util.ArrayList<>(3);
      for (BacktestEntry e : new BacktestEntry[] {full, inSample, outOfSample}) {
        if (e != null) {
          out.add(e);
        }
      }
      return out;
    }

    /** {@code run}'s kind by its name: {@code IS}, {@code OOS}, or empty. */
    public static String label(BacktestEntry run) {
      return RunKind.of(run.name()).label();
    }

    /** The best sharpe of its runs; null when no run has one. */
    public Double bestSharpe() {
      return max(max(sharpe(full), sharpe(inSample)), sharpe(outOfSample));
    }

    private static Double sharpe(BacktestEntry e) {
      return e == null ? null : e.sharpe();
    }

    private static Double max(Double a, Double b) {
      return a == null ? b : b == null || a >= b ? a : b;
    }
  }
}
