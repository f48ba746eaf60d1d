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
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;

/**
 * {@link Charts} drawn with JFreeChart from the history: PNG for Discord, SVG (JFreeSVG) for the
 * local page. Headless, with the JDK's logical fonts only; nothing is fetched at run time.
 *
 * <p>What is drawn is decided by {@link ChartPlans}; this class paints a plan ({@link
 * ChartPainter}) and keeps the last image of each chart, so asking again while the plan's key is
 * the same returns the same image without drawing it again. A plan is made again only when the
 * history's {@link HistoryReader#version() version} or the minute changed: asking within the same
 * minute with nothing written reads no rows. Thread-safe; drawing happens on the
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
  private final HistoryReader history;
  private final Map<String, ChartImage> last = new ConcurrentHashMap<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final AtomicLong plansMade = new AtomicLong();
  private final AtomicLong imagesDrawn = new AtomicLong();

  /** A chart's last answer, good while the history's version and the minute of now are the same. */
  private record Answer(long version, Instant minute, Optional<ChartImage> image) {}

  /**
   * @param history where the versions, source changes and relay minutes are read
   * @param hours the live status's market calendar, shaded on every chart
   * @param staleAfter the live status's stale threshold: a longer silence breaks a line
   */
  public JFreeCharts(HistoryReader history, MarketHours hours, Duration staleAfter) {
    this.plans = new ChartPlans(history, hours, staleAfter);
    this.history = history;
  }

  @Override
  public Optional<ChartImage> pnlToday(Instant now) {
    return answer("pnl-today.png", now, () -> {
      Optional<PnlDay> plan = plans.pnlToday(now);
      return plan.map(p -> image("pnl-today.png", p.key(), WIDTH, HEIGHT, () -> ChartPainter.pnlToday(p)));
    });
  }

  @Override
  public Optional<ChartImage> pnlMonth(Instant now) {
    return answer("pnl-month.png", now, () -> {
      Optional<PnlMonth> plan = plans.pnlMonth(now);
      return plan.map(p -> image("pnl-month.png", p.key(), WIDTH, HEIGHT, () -> ChartPainter.pnlMonth(p)));
    });
  }

  @Override
  public Optional<ChartImage> relay24h(Instant now) {
    return answer("relay-24h.png", now, () -> {
      Optional<RelayDay> plan = plans.relay24h(now);
      return plan.map(p -> image("relay-24h.png", p.key(), WIDTH, RELAY_HEIGHT, () -> ChartPainter.relay24h(p)));
    });
  }

  /** Plans made from the history so far (a chart asked again in the same minute and version makes none). */
  public long plansMade() {
    return plansMade.get();
  }

  /** Images drawn so far (a plan with the same key as the last image draws none). */
  public long imagesDrawn() {
    return imagesDrawn.get();
  }

  /**
   * The chart as last answered while the history's version and the minute of {@code now} are the
   * ones it was planned at (a plan depends on nothing else), so the panel's and the page's asking
   * every few seconds reads no rows; otherwise planned (and drawn if its key changed) again.
   */
  private Optional<ChartImage> answer(String name, Instant now, Supplier<Optional<ChartImage>> plan) {
    long version = history.version(); // before the rows are read: a write after this bumps it again
    Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
    Answer a = answers.get(name);
    if (version >= 0 && a != null && a.version() == version && a.minute().equals(minute)) {
      return a.image();
    }
    plansMade.incrementAndGet();
    Optional<ChartImage> image = plan.get();
    if (version >= 0) {
      answers.put(name, new Answer(version, minute, image));
    }
    return image;
  }

  private ChartImage image(String name, String key, int width, int height, Supplier<JFreeChart> chart) {
    ChartImage cached = last.get(name);
    if (cached != null && cached.dataKey().equals(key)) {
      return cached;
    }
    imagesDrawn.incrementAndGet();
    JFreeChart c = chart.get();
    ChartImage img = new ChartImage(name, ChartPainter.png(c, width, height), ChartPainter.svg(c, width, height),
        width, height, key);
    last.put(name, img);
    return img;
  }
}
