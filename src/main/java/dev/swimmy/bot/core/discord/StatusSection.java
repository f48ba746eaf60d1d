package dev.swimmy.bot.core.discord;

import java.util.Locale;
import java.util.Optional;

/** The {@code section} choices of {@code /status}; the panel shows {@link #OVERVIEW}. */
public enum StatusSection {
  OVERVIEW("Overview of all sources"),
  PNL("PnL and monthly goal"),
  MARKET("Market: regime, volatility, danger"),
  WARMUP("Warm-up progress"),
  SYSTEM("System metrics"),
  BACKTEST("Backtest cache");

  private final String label;

  StatusSection(String label) {
    this.label = label;
  }

  /** The value Discord sends for this choice, e.g. {@code "pnl"}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name users see in the choice list. */
  public String label() {
    return label;
  }

  public static Optional<StatusSection> fromValue(String value) {
    for (StatusSection s : values()) {
      if (s.value().equalsIgnoreCase(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
