package dev.swimmy.bot.core.render;

import dev.swimmy.bot.core.status.SourceId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code /status} section option: the overview, or one part of it in detail. */
public enum StatusSection {
  /** Every source's block and its main values. */
  OVERVIEW("Overview", null),
  /** Daily and accumulated PnL, the monthly goal and the progress toward it. */
  PNL("PnL / goal", SourceId.LIVE_STATUS),
  /** The market regime, volatility, leader, danger level, tick age and guardian heartbeat. */
  MARKET("Market", SourceId.LIVE_STATUS),
  /** The engine's warmup progress and total trades. */
  WARMUP("Warmup", SourceId.LIVE_STATUS),
  /** The engine's system metrics, or the bot's own figures while there are none. */
  SYSTEM("System", SourceId.SYSTEM_METRICS),
  /** The backtest cache's strategies. */
  BACKTEST("Backtest", SourceId.BACKTEST_CACHE);

  private final String title;
  private final SourceId source;

  StatusSection(String title, SourceId source) {
    this.title = title;
    this.source = source;
  }

  /** The section's heading, e.g. {@code PnL / goal}. */
  public String title() {
    return title;
  }

  /** The one source a section shows; empty for the overview, which shows all three. */
  public Optional<SourceId> source() {
    return Optional.ofNullable(source);
  }

  /** The option's name: {@code overview}, {@code pnl}, ... */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The section whose option name is {@code name}, ignoring case and surrounding space; empty for none. */
  public static Optional<StatusSection> parse(String name) {
    return Arrays.stream(values())
        .filter(s -> s.optionName().equalsIgnoreCase(name.strip()))
        .findFirst();
  }
}
