package dev.swimmy.bot.bench;

import dev.swimmy.bot.app.StatusService;
import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.core.render.DiscordJson;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.core.status.ReadOutcome;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.StatusDecoder;
import dev.swimmy.bot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
 * "File changed -> rendered message" with the 4.7 MB, 20k-entry backtest cache (re-read, parse,
 * keep as last good on disk, render, JSON), and a cache hit (three stats, render, JSON).
 *
 * <p>{@code ./mvnw -q -DskipTests test-compile exec:exec@jmh -Djmh.args="StatusRenderBenchmark -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StatusRenderBenchmark {
  private Path home;
  private Path backtest;
  private StatusService service;
  private long mtime = 1_770_000_000_000L;
  private final byte[] large = Fixtures.bytes("backtest_cache/large-20k.sexp");
  private final StatusDecoder decoder = new StatusDecoder(SexpLimits.DEFAULT);

  @Setup
  public void setUp() throws IOException {
    home = Files.createTempDirectory("swimmy-bench");
    Files.createDirectories(home.resolve(".opus"));
    Files.createDirectories(home.resolve("data"));
    Files.write(home.resolve(".opus/live_status.sexp"), Fixtures.bytes("live_status/fresh.sexp"));
    Files.write(home.resolve("data/system_metrics.sexp"), Fixtures.bytes("system_metrics/typical.sexp"));
    backtest = home.resolve("data/backtest_cache.sexp");
    Files.write(backtest, Fixtures.bytes("backtest_cache/large-20k.sexp"));
    Config.Status cfg = new Config.Status(
        new Config.Source(home.resolve(".opus/live_status.sexp"), 2, Duration.ofSeconds(180)),
        new Config.Source(home.resolve("data/system_metrics.sexp"), 1, Duration.ofSeconds(300)),
        new Config.Source(backtest, 1, Duration.ofHours(26)),
        32L << 20, 64, home.resolve("data/last_good"));
    service = StatusService.create(cfg, Clock.fixed(Instant.ofEpochSecond(1_770_779_899L), ZoneOffset.UTC));
    service.message(StatusSection.OVERVIEW);
  }

  @TearDown
  public void tearDown() throws IOException {
    service.close();
    try (Stream<Path> paths = Files.walk(home)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public String cacheHit() {
    return DiscordJson.toJson(service.message(StatusSection.OVERVIEW));
  }

  @Benchmark
  public String largeBacktestChanged() throws IOException {
    Files.setLastModifiedTime(backtest, FileTime.fromMillis(mtime += 1000));
    return DiscordJson.toJson(service.message(StatusSection.OVERVIEW));
  }

  /** The pure part of a change: parse and decode the 4.7 MB file (no I/O). */
  @Benchmark
  public ReadOutcome decodeLargeBacktest() {
    return decoder.decode(SourceId.BACKTEST_CACHE, large, 1, Instant.EPOCH);
  }

  /** The reader alone on the same bytes, for comparison. */
  @Benchmark
  public Object readLargeBacktest() throws Exception {
    return new SexpReader().read(large);
  }
}
