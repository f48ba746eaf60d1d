package dev.swimmy.bot.edge.chart;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.history.ChartPlans;
import dev.swimmy.bot.core.history.ChartPlans.PnlDay;
import dev.swimmy.bot.core.history.ChartPlans.PnlMonth;
import dev.swimmy.bot.core.history.ChartPlans.RelayDay;
import dev.swimmy.bot.core.history.Charts;
import dev.swimmy.bot.core.history.HistoryReader;
import dev.swimmy.bot.core.status.MarketHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * {@link Charts} drawn with JFreeChart from the history: PNG for Discord, SVG (JFreeSVG) for the
 * local page. Headless, with the JDK's logical fonts only; nothing is fetched at run time.
 *
 * <p>What is drawn is decided by {@link ChartPlans}; this class paints a plan ({@link
 * ChartPainter}) and keeps the last image of each chart, so asking again while the plan's key is
 * the same returns the same image without drawing it again. Thread-safe; drawing happens on the
 * caller's thread.
 */
public final class JFreeCharts implements Charts {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  public static final int WIDTH = 800;
  public static final int HEIGHT = 360;
  public static final int RELAY_HEIGHT = 420;

  private final ChartPlans plans;
  private final Map<String, ChartImage> last = new ConcurrentHashMap<>();

  /**
   * @param history where the versions, source changes and relay minutes are read
   * @param hours the live status's market calendar, shaded on every chart
   * @param staleAfter the live status's stale threshold: a longer silence breaks a line
   */
  public JFreeCharts(HistoryReader history, MarketHours hours, Duration staleAfter) {
    this.plans = new ChartPlans(history, hours, staleAfter);
  }

  @Override
  public Optional<ChartImage> pnlToday(Instant now) {
    Optional<PnlDay> plan = plans.pnlToday(now);
    return plan.map(p -> image("pnl-today.png", p.key(), WIDTH, HEIGHT, () -> ChartPainter.pnlToday(p)));
  }

  @Override
  public Optional<ChartImage> pnlMonth(Instant now) {
    Optional<PnlMonth> plan = plans.pnlMonth(now);
    return plan.map(p -> image("pnl-month.png", p.key(), WIDTH, HEIGHT, () -> ChartPainter.pnlMonth(p)));
  }

  @Override
  public Optional<ChartImage> relay24h(Instant now) {
    Optional<RelayDay> plan = plans.relay24h(now);
    return plan.map(p -> image("relay-24h.png", p.key(), WIDTH, RELAY_HEIGHT, () -> ChartPainter.relay24h(p)));
  }

  private ChartImage image(String name, String key, int width, int height, Supplier<JFreeChart> chart) {
    ChartImage cached = last.get(name);
    if (cached != null && cached.dataKey().equals(key)) {
      return cached;
    }
    JFreeChart c = chart.get();
    ChartImage img = new ChartImage(name, ChartPainter.png(c, width, height), ChartPainter.svg(c, width, height),
        width, height, key);
    last.put(name, img);
    return img;
  }
}
