package dev.swimmy.bot.edge.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.history.ChartPlans;
import dev.swimmy.bot.core.history.Interval;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.Retention;
import dev.swimmy.bot.core.history.SourceChange;
import dev.swimmy.bot.core.history.StatusVersion;
import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.core.status.StatusDecoder;
import dev.swimmy.bot.edge.files.LastGoodStore;
import dev.swimmy.bot.edge.files.StatusFileSource;
import dev.swimmy.bot.edge.history.SqliteHistory;
import dev.swimmy.bot.testing.EngineLiveStatus;
import dev.swimmy.bot.testing.MutableClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "simulated day": the engine writes its live status every minute of Saturday
 * 2026-11-28 (JST) until FX closes at 07:00 JST (Friday 17:00 New York), except for one hour
 * (03:00 to 04:00) when it writes nothing. The bot reads the file through the real file source
 * (FX calendar, 180 s stale threshold), and feeds what it reads to the real SQLite history. Then:
 * the pictures show the stale hour as a gap and the weekend shaded, the history survives a
 * reopen, and rows past the retention are pruned.
 */
class SimulatedDayTest {
  private static final Duration STALE = Duration.ofSeconds(180);
  /** Saturday 2026-11-28 00:00 JST. */
  private static final Instant DAY = Instant.parse("2026-11-27T15:00:00Z");
  private static final Instant CLOSE = DAY.plus(Duration.ofHours(7)); // 07:00 JST
  private static final Instant STALE_FROM = DAY.plus(Duration.ofHours(3));
  private static final Instant STALE_TO = DAY.plus(Duration.ofHours(4));
  private static final Instant NOW = DAY.plus(Duration.ofHours(20)); // 20:00 JST

  @TempDir Path dir;

  static double pnlAt(Instant t) {
    double h = Duration.between(DAY, t).toSeconds() / 3600.0;
    return Math.round(400 * Math.sin(h) + 150 * h) / 1.0;
  }

  @Test
  void theDayShowsTheStaleHourAsAGapAndTheWeekendShadedAndSurvivesARestart() throws Exception {
    Path file = dir.resolve(".opus/live_status.sexp");
    Files.createDirectories(file.getParent());
    Path db = dir.resolve("data/history.db");
    MutableClock clock = new MutableClock(DAY.minus(Duration.ofHours(24)));
    StatusFileSource source = new StatusFileSource(SourceId.LIVE_STATUS, file, 2, STALE, 1 << 20,
        new StatusDecoder(SexpLimits.DEFAULT), new LastGoodStore(dir.resolve("last_good")), clock, true,
        MarketHours.fx(), Duration.ZERO);

    int written = 0;
    try (SqliteHistory history = SqliteHistory.open(db, Retention.defaults(), clock)) {
      feedRelay(history, clock);
      for (Instant t = DAY; t.isBefore(NOW); t = t.plusSeconds(60)) {
        boolean engineWrites = t.isBefore(CLOSE) && (t.isBefore(STALE_FROM) || !t.isBefore(STALE_TO));
        if (engineWrites) {
          write(file, t);
          written++;
        }
        clock.set(t.plusSeconds(2)); // the bot's refresh reads it two seconds later
        history.observe(source.report());
      }
      assertThat(history.flush(Duration.ofSeconds(20))).isTrue();
      assertThat(history.overflows()).isZero();
    }

    try (SqliteHistory history = SqliteHistory.open(db, Retention.defaults(), clock)) {
      Interval day = new Interval(DAY, DAY.plus(Duration.ofDays(1)));
      assertThat(history.versions(day)).as("every version written, after a restart").hasSize(written);
      assertThat(history.sourceChanges(day)).extracting(SourceChange::state)
          .as("what the bot saw: stale in the silent hour, market closed after 07:00")
          .containsSubsequence(SourceState.OK, SourceState.STALE, SourceState.OK, SourceState.MARKET_CLOSED);

      ChartPlans.PnlDay plan = new ChartPlans(history, MarketHours.fx(), STALE).pnlToday(NOW).orElseThrow();
      assertThat(plan.pnl().segments()).as("two lines: before and after the stale hour").hasSize(2);
      assertThat(plan.pnl().gaps()).singleElement().satisfies(g -> {
        assertThat(g.from()).isEqualTo(STALE_FROM.minusSeconds(60));
        // until the bot saw the new version (its refresh two seconds after the engine wrote it)
        assertThat(g.to()).isBetween(STALE_TO, STALE_TO.plusSeconds(2));
      });
      assertThat(plan.pnl().closed()).containsExactly(new Interval(CLOSE, day.to()));

      JFreeCharts charts = new JFreeCharts(history, MarketHours.fx(), STALE);
      ChartImage png = charts.pnlToday(NOW).orElseThrow();
      Files.createDirectories(Path.of("target"));
      Files.write(Path.of("target/simulated-day-pnl-today.png"), png.png());
      Files.writeString(Path.of("target/simulated-day-pnl-today.svg"), png.svg());
      assertPictureShowsGapAndWeekend(png);
      assertThat(png.svg()).as("an <svg> element to inline, nothing to fetch").startsWith("<svg")
          .doesNotContain("<!DOCTYPE", "href='http", "href=\"http", "@import", "url(http");

      ChartImage month = charts.pnlMonth(NOW).orElseThrow();
      ChartImage relay = charts.relay24h(NOW).orElseThrow();
      Files.write(Path.of("target/simulated-day-pnl-month.png"), month.png());
      Files.write(Path.of("target/simulated-day-relay-24h.png"), relay.png());
      for (ChartImage c : List.of(png, month, relay)) {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertThat(img.getWidth()).isEqualTo(c.width());
        assertThat(img.getHeight()).isEqualTo(c.height());
        assertThat(c.png().length).as("well under Discord's attachment limit").isLessThan(1 << 20);
      }
      assertThat(charts.pnlToday(NOW.plusSeconds(30)).orElseThrow().dataKey()).isEqualTo(png.dataKey());
    }

    // 91 days on, the writer's own hourly prune removes the day.
    clock.set(NOW.plus(Duration.ofDays(91)));
    try (SqliteHistory history = SqliteHistory.open(db, Retention.defaults(), clock)) {
      await().atMost(Duration.ofSeconds(20)).until(() -> history.rowCounts()[0] == 0 && history.rowCounts()[2] == 0);
      assertThat(history.sourceChanges(new Interval(Instant.EPOCH, clock.instant()))).hasSize(1);
    }
  }

  /** Pixels of the PNG: no line in the stale hour (pale red instead), grey from 07:00 to 24:00. */
  private static void assertPictureShowsGapAndWeekend(ChartImage chart) throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(chart.png()));
    int row = img.getHeight() / 2;
    int closedFrom = -1;
    int closedTo = -1;
    for (int x = 0; x < img.getWidth(); x++) {
      if (isClosedGrey(img.getRGB(x, row))) {
        closedFrom = closedFrom < 0 ? x : closedFrom;
        closedTo = x;
      }
    }
    assertThat(closedFrom).as("a grey band for the closed market").isPositive();
    double pxPerHour = (closedTo + 1 - closedFrom) / 17.0; // 07:00 to 24:00
    assertThat(pxPerHour).as("the band spans 17 of the day's 24 hours").isGreaterThan(15);
    int x0 = (int) Math.round(closedFrom - 7 * pxPerHour); // 00:00 JST
    for (double h = 3.15; h <= 3.85; h += 0.05) {
      int x = (int) Math.round(x0 + h * pxPerHour);
      assertThat(lineRows(img, x)).as("no line at %.2f h (stale hour), column %d", h, x).isZero();
      assertThat(paleRed(img, x)).as("the stale hour is shaded at column %d", x).isGreaterThan(img.getHeight() / 3);
    }
    for (double h = 1.05; h <= 2.95; h += 0.1) {
      int x = (int) Math.round(x0 + h * pxPerHour);
      assertThat(lineRows(img, x)).as("a line at %.2f h, column %d", h, x).isPositive();
    }
    for (double h = 8; h <= 23.5; h += 0.5) {
      int x = (int) Math.round(x0 + h * pxPerHour);
      assertThat(lineRows(img, x)).as("no line after the close, column %d", x).isZero();
    }
  }

  private static int lineRows(BufferedImage img, int x) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      int rgb = img.getRGB(x, y);
      int r = (rgb >> 16) & 0xff;
      int g = (rgb >> 8) & 0xff;
      int b = rgb & 0xff;
      if (b > 150 && r < 120 && g < 160 && b - r > 80) {
        n++;
      }
    }
    return n;
  }

  private static int paleRed(BufferedImage img, int x) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      int rgb = img.getRGB(x, y);
      int r = (rgb >> 16) & 0xff;
      int g = (rgb >> 8) & 0xff;
      int b = rgb & 0xff;
      if (r > 235 && g > 180 && g < 225 && Math.abs(g - b) < 8 && r - g > 20) {
        n++;
      }
    }
    return n;
  }

  private static boolean isClosedGrey(int rgb) {
    int r = (rgb >> 16) & 0xff;
    int g = (rgb >> 8) & 0xff;
    int b = rgb & 0xff;
    return Math.abs(r - g) < 6 && Math.abs(g - b) < 6 && r > 205 && r < 230;
  }

  private static void write(Path file, Instant t) throws Exception {
    String text = EngineLiveStatus.writtenAt(t).replace("(swimmy.shell::daily_pnl . 1235.25d0)",
        "(swimmy.shell::daily_pnl . " + pnlAt(t) + "d0)");
    Path tmp = file.resolveSibling("live_status.tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** 24 h of relay minutes up to NOW, from counters as the daemon samples them. */
  private static void feedRelay(SqliteHistory history, MutableClock clock) {
    RelayMinute.Counters before = null;
    long delivered = 0;
    long failed = 0;
    for (Instant t = NOW.minus(Duration.ofHours(24)); !t.isAfter(NOW); t = t.plusSeconds(60)) {
      delivered += 2 + (t.getEpochSecond() / 60) % 5;
      failed += (t.getEpochSecond() / 60) % 17 == 0 ? 1 : 0;
      RelayMinute.Counters now = new RelayMinute.Counters(t, delivered, failed, 1, 300 + (t.getEpochSecond() / 60) % 200);
      if (before != null) {
        history.recordRelayMinute(RelayMinute.between(before, now));
      }
      before = now;
    }
  }
}
