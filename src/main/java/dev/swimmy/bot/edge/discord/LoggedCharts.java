package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.history.Charts;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charts as the bot's views use them: a chart that fails to render is left out (the view is
 * sent as text, as without a history) and the failure is logged once per chart until that chart
 * draws again, so a panel ticking every few seconds does not flood the log.
 */
final class LoggedCharts implements Charts {
  private static final Logger log = LoggerFactory.getLogger(LoggedCharts.class);

  private final Charts charts;
  /** Chart name to the failure last logged for it; removed when the chart draws again. */
  private final java.util.Map<String, String> failing = new java.util.concurrent.ConcurrentHashMap<>();

  LoggedCharts(Charts charts) {
    this.charts = charts;
  }

  @Override
  public Optional<ChartImage> pnlToday(Instant now) {
    return guarded("pnl-today", () -> charts.pnlToday(now));
  }

  @Override
  public Optional<ChartImage> pnlMonth(Instant now) {
    return guarded("pnl-month", () -> charts.pnlMonth(now));
  }

  @Override
  public Optional<ChartImage> relay24h(Instant now) {
    return guarded("relay-24h", () -> charts.relay24h(now));
  }

  private Optional<ChartImage> guarded(String name, Supplier<Optional<ChartImage>> draw) {
    try {
      Optional<ChartImage> chart = draw.get();
      if (failing.remove(name) != null) {
        log.info("chart {} draws again", name);
      }
      return chart == null ? Optional.empty() : chart;
    } catch (RuntimeException e) {
      if (!e.toString().equals(failing.put(name, e.toString()))) {
        log.warn("chart {} could not be drawn; the view goes out without it", name, e);
      }
      return Optional.empty();
    }
  }
}
