package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.history.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A stand-in for the history's chart renderer: real PNG bytes (drawn headless with Java2D) and a
 * real SVG document, whose line is derived from the data key, so a new key is a new picture. Tests
 * set each chart's key, or take a chart away, and count the draws.
 */
public final class TestCharts implements Charts {
  public static final int WIDTH = 480;
  public static final int HEIGHT = 180;
  /** Line colours, unlike any colour of the bot's embeds, so a screenshot can find the charts. */
  public static final Color PNL_COLOUR = new Color(0xFF00AA);
  public static final Color MONTH_COLOUR = new Color(0xFFAA00);
  public static final Color RELAY_COLOUR = new Color(0x00D0FF);

  private volatile String pnlKey;
  private volatile String relayKey;
  private volatile String monthKey;
  public final AtomicInteger draws = new AtomicInteger();
  /** When set, every chart fails with it (a renderer bug). */
  public volatile RuntimeException failWith;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  public TestCharts(String pnlKey, String relayKey) {
    this.pnlKey = pnlKey;
    this.relayKey = relayKey;
    this.monthKey = pnlKey;
  }

  /** Today's PnL chart now draws data {@code key}; null takes the chart away. */
  public void pnlData(String key) {
    pnlKey = key;
  }

  public void relayData(String key) {
    relayKey = key;
  }

  @Override
  public Optional<ChartImage> pnlToday(Instant now) {
    return chart("pnl-today.png", pnlKey, PNL_COLOUR);
  }

  @Override
  public Optional<ChartImage> pnlMonth(Instant now) {
    return chart("pnl-month.png", monthKey, MONTH_COLOUR);
  }

  @Override
  public Optional<ChartImage> relay24h(Instant now) {
    return chart("relay-24h.png", relayKey, RELAY_COLOUR);
  }

  private Optional<ChartImage> chart(String fileName, String key, Color colour) {
    if (failWith != null) {
      throw failWith;
    }
    if (key == null) {
      return Optional.empty();
    }
    draws.incrementAndGet();
    return Optional.of(draw(fileName, key, colour));
  }

  /** A chart of a line whose points follow {@code key}'s hash. */
  public static ChartImage draw(String fileName, String key, Color colour) {
    int[] ys = points(key);
    int step = WIDTH / (ys.length - 1);
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(0x2B2D31));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(colour);
      g.setStroke(new BasicStroke(3));
      for (int i = 1; i < ys.length; i++) {
        g.drawLine((i - 1) * step, ys[i - 1], i * step, ys[i]);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < ys.length; i++) {
      line.append(i == 0 ? "" : " ").append(i * step).append(',').append(ys[i]);
    }
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
        + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\"><title>" + fileName + "</title>"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#2b2d31\"/><polyline fill=\"none\" stroke=\""
        + String.format("#%06x", colour.getRGB() & 0xFFFFFF) + "\" stroke-width=\"3\" points=\"" + line
        + "\"/></svg>";
    return new ChartImage(fileName, png.toByteArray(), svg, WIDTH, HEIGHT, key);
  }

  private static int[] points(String key) {
    int[] ys = new int[13];
    int h = key.hashCode();
    for (int i = 0; i < ys.length; i++) {
      h = h * 31 + i;
      ys[i] = 10 + Math.floorMod(h, HEIGHT - 20);
    }
    return ys;
  }
}
