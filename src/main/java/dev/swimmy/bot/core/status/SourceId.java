package dev.swimmy.bot.core.status;

/** The three status files the engine writes, in the order the overview shows them. */
public enum SourceId {
  LIVE_STATUS("Live status", "live-status"),
  SYSTEM_METRICS("System metrics", "system-metrics"),
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
