package dev.swimmy.bot.bench;

import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.sexp.SexpParseException;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.core.sexp.SexpView;
import dev.swimmy.bot.testing.Fixtures;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reads the 4.7 MB, 20,000-entry backtest cache from bytes into the map view, as the bot does
 * each time the engine rewrites the file. MB/s = file size in MB / the average time in seconds;
 * the setup prints the size. Run:
 *
 * <pre>./mvnw -q -DskipTests test-compile exec:exec@jmh -Djmh.args="SexpReaderBenchmark -f 1 -wi 3 -i 5"</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SexpReaderBenchmark {
  private byte[] bytes;
  private SexpReader reader;

  @Setup(Level.Trial)
  public void load() {
    bytes = Fixtures.bytes("backtest_cache/large-20k.sexp");
    reader = new SexpReader();
    System.out.printf("%nlarge-20k.sexp: %d bytes (%.3f MB); MB/s = %.3f / (ms/op) * 1000%n",
        bytes.length, bytes.length / 1e6, bytes.length / 1e6);
  }

  @Benchmark
  public Optional<SexpMap> readLargeBacktestCacheIntoMapView() throws SexpParseException {
    return SexpView.asMap(reader.read(bytes));
  }
}
