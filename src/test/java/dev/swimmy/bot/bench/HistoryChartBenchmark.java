package dev.swimmy.bot.bench;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.Retention;
import dev.swimmy.bot.core.history.StatusVersion;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.edge.chart.JFreeCharts;
import dev.swimmy.bot.edge.history.SqliteHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The history's costs. Rendering: a chart drawn from a real SQLite history holding 30 days of
 * minute-level live-status versions (43,200) and relay minutes, read, planned and drawn as PNG and
 * SVG (a new {@link JFreeCharts} each time, so its image cache never answers). Writing: one
 * status version, and one relay minute, queued and committed by the {@code swimmy-history}
 * thread (measured to the commit with a flush, as the daemon writes them one at a time).
 *
 * <p>{@code ./mvnw -q -DskipTests test-compile exec:exec@jmh -Djmh.args="HistoryChartBenchmark -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HistoryChartBenchmark {
  /** 2026-11-30 12:00 JST: the month holds 29.5 days of minutes before it, plus the last of October. */
  private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
  private static final Duration STALE = Duration.ofSeconds(180);
  private Path dir;
  private SqliteHistory history;
  private long next = NOW.plus(Duration.ofDays(400)).toEpochMilli(); // outside every chart window
  private long nextMinute = NOW.plus(Duration.ofDays(10)).getEpochSecond() / 60 * 60;

  @Setup
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("swimmy-history-bench");
    history = SqliteHistory.open(dir.resolve("history.db"), Retention.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    Instant from = NOW.minus(Duration.ofDays(30));
    for (int i = 0; i < 30 * 24 * 60; i++) {
      Instant t = from.plusSeconds(60L * i);
      double pnl = 2000 * Math.sin(i / 700.0) + i * 0.8;
      history.recordVersion(new StatusVersion(t, pnl % 3000, 10_000 + pnl, 100_000.0, null, "TREND", "HIGH", 1L, (long) i));
      history.recordRelayMinute(new RelayMinute(t, 3 + i % 5, i % 13 == 0 ? 1 : 0, i % 4, 300L + i % 200));
      if (i % 5_000 == 0 && !history.flush(Duration.ofMinutes(1))) {
        throw new IllegalStateException("history writer stuck while filling");
      }
    }
    if (!history.flush(Duration.ofMinutes(1)) || history.overflows() > 0) {
      throw new IllegalStateException("history not filled: " + history.overflows() + " dropped");
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    history.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public ChartImage monthToDate30Days() {
    return new JFreeCharts(history, MarketHours.fx(), STALE).pnlMonth(NOW).orElseThrow();
  }

  @Benchmark
  public ChartImage today() {
    return new JFreeCharts(history, MarketHours.fx(), STALE).pnlToday(NOW).orElseThrow();
  }

  @Benchmark
  public ChartImage relay24h() {
    return new JFreeCharts(history, MarketHours.fx(), STALE).relay24h(NOW).orElseThrow();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean writeOneStatusVersion() throws InterruptedException {
    history.recordVersion(new StatusVersion(Instant.ofEpochMilli(next++), 1.0, 2.0, 3.0, 4.0, "R", "V", 1L, 2L));
    return history.flush(Duration.ofSeconds(10));
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public boolean writeOneRelayMinute() throws InterruptedException {
    nextMinute += 60;
    history.recordRelayMinute(new RelayMinute(Instant.ofEpochSecond(nextMinute), 3, 0, 1, 420L));
    return history.flush(Duration.ofSeconds(10));
  }
}
