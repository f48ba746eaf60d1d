package dev.swimmy.bot.edge.chart;

import dev.swimmy.bot.core.history.ChartPlans.PnlDay;
import dev.swimmy.bot.core.history.ChartPlans.PnlMonth;
import dev.swimmy.bot.core.history.ChartPlans.RelayDay;
import dev.swimmy.bot.core.history.Interval;
import dev.swimmy.bot.core.history.Point;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.Timeline;
import dev.swimmy.bot.core.history.TradingDay;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Paints a chart plan with JFreeChart. Every line is one series with a null value between its
 * segments, so JFreeChart breaks it there and never joins across a gap; market-closed stretches
 * are grey and gaps pale red ({@link IntervalMarker}s behind the data); the time axis is JST.
 */
final class ChartPainter {
  static final Color CLOSED = new Color(128, 128, 128, 70);
  static final Color GAP = new Color(220, 60, 60, 55);
  static final Color LINE = new Color(30, 100, 200);
  static final Color DELIVERED = new Color(46, 160, 67);
  static final Color FAILED = new Color(215, 58, 73);
  private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 190);
  /** Lighter than the closed shading, so a gridline is never taken for a closed market. */
  static final Color GRID = new Color(238, 238, 238);
  private static final TimeZone JST = TimeZone.getTimeZone(TradingDay.JST);
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final StandardChartTheme THEME = theme();

  private ChartPainter() {}

  static JFreeChart pnlToday(PnlDay plan) {
    Timeline t = plan.pnl();
    String day = TradingDay.wall(t.window().from()).toLocalDate().toString();
    XYPlot plot = linePlot(t, "PnL", "HH:mm");
    plot.addRangeMarker(zero());
    // The high's label hangs below its line on the right, the low's sits above its line on the
    // left, so both stay inside the plot and apart even when the day is flat.
    plot.addRangeMarker(mark(plan.high().value(), "high " + money(plan.high().value()) + " at "
        + HHMM.format(TradingDay.wall(plan.high().at())), DELIVERED, RectangleAnchor.RIGHT, TextAnchor.TOP_RIGHT));
    plot.addRangeMarker(mark(plan.low().value(), "low " + money(plan.low().value()) + " at "
        + HHMM.format(TradingDay.wall(plan.low().at())), FAILED, RectangleAnchor.LEFT, TextAnchor.BOTTOM_LEFT));
    return chart("PnL today, " + day + " (JST)", plot);
  }

  static JFreeChart pnlMonth(PnlMonth plan) {
    Timeline t = plan.accumulated();
    String month = TradingDay.wall(t.window().from()).toLocalDate().toString().substring(0, 7);
    XYPlot plot = linePlot(t, "accumulated PnL", "MM-dd");
    plot.addRangeMarker(zero());
    double lo = Math.min(0, plan.last().value());
    double hi = Math.max(0, plan.last().value());
    for (Point p : t.points()) {
      lo = Math.min(lo, p.value());
      hi = Math.max(hi, p.value());
    }
    if (plan.goal() != null) {
      plot.addRangeMarker(mark(plan.goal(), "monthly goal " + plain(plan.goal()), DELIVERED,
          RectangleAnchor.RIGHT, TextAnchor.TOP_RIGHT));
      lo = Math.min(lo, plan.goal());
      hi = Math.max(hi, plan.goal());
    }
    double pad = Math.max(1, (hi - lo) * 0.08);
    plot.getRangeAxis().setRange(lo - pad, hi + pad);
    return chart("Accumulated PnL, " + month + " to date (JST)", plot);
  }

  static JFreeChart relay24h(RelayDay plan) {
    DefaultTableXYDataset counts = new DefaultTableXYDataset();
    XYSeries delivered = new XYSeries("delivered", true, false);
    XYSeries failed = new XYSeries("failed", true, false);
    XYSeries p95 = new XYSeries("p95 latency (ms)", false, true);
    long prevEnd = Long.MIN_VALUE;
    for (RelayMinute m : plan.minutes()) {
      long x = m.minute().toEpochMilli();
      delivered.add(x + 30_000, m.delivered());
      failed.add(x + 30_000, m.failed());
      if (prevEnd != Long.MIN_VALUE && x > prevEnd) {
        p95.add(prevEnd, null); // a missing minute: the latency line stops here
      }
      p95.add(x + 30_000, m.p95Ms());
      prevEnd = x + 60_000;
    }
    counts.addSeries(delivered);
    counts.addSeries(failed);
    counts.setIntervalWidth(60_000);
    DateAxis time = timeAxis(plan.window(), "HH:mm");
    StackedXYBarRenderer bars = new StackedXYBarRenderer();
    bars.setShadowVisible(false);
    bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    bars.setSeriesPaint(0, DELIVERED);
    bars.setSeriesPaint(1, FAILED);
    bars.setDrawBarOutline(false);
    XYPlot top = new XYPlot(counts, null, new NumberAxis("per minute"), bars);
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, LINE);
    line.setSeriesStroke(0, new BasicStroke(1.5f));
    XYPlot bottom = new XYPlot(new XYSeriesCollection(p95), null, new NumberAxis("p95 ms"), line);
    for (XYPlot p : List.of(top, bottom)) {
      shade(p, plan.closed(), plan.gaps());
      style(p);
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    plot.setGap(8);
    plot.add(top, 3);
    plot.add(bottom, 2);
    JFreeChart chart = new JFreeChart("Relay, last 24 h (JST)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    THEME.apply(chart); // the theme sets its own series colours: ours go on after it
    bars.setSeriesPaint(0, DELIVERED);
    bars.setSeriesPaint(1, FAILED);
    bars.setShadowVisible(false);
    bars.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    line.setSeriesPaint(0, LINE);
    for (XYPlot p : List.of(top, bottom)) {
      style(p);
    }
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** The timeline as one series, broken by a null between segments, with its shading. */
  private static XYPlot linePlot(Timeline t, String name, String timeFormat) {
    XYSeries s = new XYSeries(name, false, true);
    List<List<Point>> segments = t.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (i > 0) {
        List<Point> prev = segments.get(i - 1);
        s.add(prev.get(prev.size() - 1).at().toEpochMilli() + 1, null);
      }
      for (Point p : segments.get(i)) {
        s.add(p.at().toEpochMilli(), p.value());
      }
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setSeriesPaint(0, LINE);
    r.setSeriesStroke(0, new BasicStroke(2f));
    NumberAxis value = new NumberAxis(name);
    value.setAutoRangeIncludesZero(false);
    value.setUpperMargin(0.12);
    value.setLowerMargin(0.12);
    value.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    XYPlot plot = new XYPlot(new XYSeriesCollection(s), timeAxis(t.window(), timeFormat), value, r);
    shade(plot, t.closed(), t.gaps());
    style(plot);
    return plot;
  }

  /**
   * Closed stretches grey, gaps pale red, behind the data. Only the widest band of each kind is
   * labelled (closed at the top, gaps at the bottom), so a month of weekends stays readable.
   */
  private static void shade(XYPlot plot, List<Interval> closed, List<Interval> gaps) {
    Interval widestClosed = widest(closed);
    for (Interval c : closed) {
      plot.addDomainMarker(band(c, CLOSED, c == widestClosed ? "market closed" : null, RectangleAnchor.TOP_LEFT,
          TextAnchor.TOP_LEFT), Layer.BACKGROUND);
    }
    Interval widestGap = widest(gaps);
    for (Interval g : gaps) {
      plot.addDomainMarker(band(g, GAP, g == widestGap ? "no data" : null, RectangleAnchor.BOTTOM_LEFT,
          TextAnchor.BOTTOM_LEFT), Layer.BACKGROUND);
    }
  }

  private static Interval widest(List<Interval> list) {
    Interval best = null;
    for (Interval i : list) {
      best = best == null || i.length().compareTo(best.length()) > 0 ? i : best;
    }
    return best;
  }

  private static IntervalMarker band(Interval i, Color color, String label, RectangleAnchor where,
      TextAnchor anchor) {
    IntervalMarker m = new IntervalMarker(i.from().toEpochMilli(), i.to().toEpochMilli());
    m.setPaint(color);
    if (label != null) {
      m.setLabel(label);
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      m.setLabelAnchor(where);
      m.setLabelTextAnchor(anchor);
      m.setLabelBackgroundColor(LABEL_BACKGROUND);
    }
    return m;
  }

  private static ValueMarker mark(double value, String label, Color color, RectangleAnchor where,
      TextAnchor anchor) {
    ValueMarker m = new ValueMarker(value, color, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
        BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
    m.setLabelPaint(color.darker());
    m.setLabelAnchor(where);
    m.setLabelTextAnchor(anchor);
    m.setLabelBackgroundColor(LABEL_BACKGROUND);
    return m;
  }

  private static ValueMarker zero() {
    return new ValueMarker(0, Color.GRAY, new BasicStroke(0.8f));
  }

  private static DateAxis timeAxis(Interval window, String format) {
    DateAxis axis = new DateAxis("JST", JST, Locale.ROOT);
    SimpleDateFormat f = new SimpleDateFormat(format, Locale.ROOT);
    f.setTimeZone(JST);
    axis.setDateFormatOverride(f);
    axis.setRange(window.from().toEpochMilli(), window.to().toEpochMilli());
    return axis;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
  }

  private static JFreeChart chart(String title, XYPlot plot) {
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    THEME.apply(chart); // the theme sets its own series colours: ours go on after it
    plot.getRenderer().setSeriesPaint(0, LINE);
    plot.getRenderer().setSeriesStroke(0, new BasicStroke(2f));
    style(plot);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static String plain(double v) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  private static String money(double v) {
    return new DecimalFormat("+#,##0;-#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
  }

  /** JFreeChart's own theme with the JDK's logical sans-serif font (always there, never fetched). */
  private static StandardChartTheme theme() {
    StandardChartTheme t = new StandardChartTheme("swimmy");
    t.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    t.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    t.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    t.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    t.setChartBackgroundPaint(Color.WHITE);
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setDomainGridlinePaint(GRID);
    t.setRangeGridlinePaint(GRID);
    return t;
  }

  static byte[] png(JFreeChart chart, int width, int height) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      ChartUtils.writeChartAsPNG(out, chart, width, height);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PNG encoding into memory failed", e);
    }
  }

  static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement(); // the <svg> element alone: no XML prolog, no DOCTYPE to fetch
  }
}
