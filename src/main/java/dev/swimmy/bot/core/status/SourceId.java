package dev.swimmy.bot.core.status;

/** The three status files the engine writes, in the order the overview shows them. */
public enum SourceId {
  /** {@code .opus/live_status.sexp}. */
  LIVE_STATUS("Live status", "live-status"),
  /** {@code data/system_metrics.sexp}. */
  SYSTEM_METRICS("System metrics", "system-metrics"),
  /** {@code data/backtest_cache.sexp}. */
  BACKTEST_CACHE("Backtest cache", "backtest-cache");

  private final String title;
  private final String key;

  SourceId(String title, String key) {
    this.title = title;
    this.key = key;
  }

  /** What an operator reads: {@code Live status}. */
  public String title() {
    return title;
  }

  /** The config and file-name key: {@code live-status}. */
  public String key() {
    return key;
  }
}
