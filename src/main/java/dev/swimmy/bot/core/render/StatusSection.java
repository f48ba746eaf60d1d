package dev.swimmy.bot.core.render;

import dev.swimmy.bot.core.status.SourceId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code /status} section option: the overview, or one part of it in detail. */
public enum StatusSection {
  OVERVIEW("Overview", null),
  PNL("PnL / goal", SourceId.LIVE_STATUS),
  MARKET("Market", SourceId.LIVE_STATUS),
  WARMUP("Warmup", SourceId.LIVE_STATUS),
  SYSTEM("System", SourceId.SYSTEM_METRICS),
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
