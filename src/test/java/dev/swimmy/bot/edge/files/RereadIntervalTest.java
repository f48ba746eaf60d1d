package dev.swimmy.bot.edge.files;

import static dev.swimmy.bot.testing.StatusFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.core.status.StatusDecoder;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A changed backtest cache is read again at most once per {@code min-reread-interval}. */
class RereadIntervalTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private LastGoodStore store;

  @AfterEach
  void close() {
    store.close();
  }

  private Path file() {
    return dir.resolve("backtest_cache.sexp");
  }

  private StatusFileSource source(Duration every) {
    store = new LastGoodStore(dir.resolve("last_good"));
    return new StatusFileSource(SourceId.BACKTEST_CACHE, file(), 1, Duration.ofHours(26), 64 << 20,
        new StatusDecoder(SexpLimits.DEFAULT), store, clock, true, MarketHours.always(), every);
  }

  private void put(String fixture) throws IOException {
    AtomicFiles.write(file(), Fixtures.bytes(fixture));
  }

  private static int entries(StatusFileSource s) {
    return ((Snapshot.BacktestCache) s.report().shown()).entryCount();
  }

  @Test
  void aChangedFile_isReadAgainOnlyOnceTheIntervalHasPassed() throws IOException {
    put("backtest_cache/small.sexp");
    StatusFileSource s = source(Duration.ofSeconds(30));
    int small = entries(s);
    put("backtest_cache/large-20k.sexp");
    assertThat(entries(s)).isEqualTo(small);
    clock.advance(Duration.ofSeconds(29));
    assertThat(entries(s)).isEqualTo(small);
    clock.advance(Duration.ofSeconds(1));
    assertThat(entries(s)).isEqualTo(20_000);
  }

  @Test
  void withoutAnInterval_everyChangeIsRead() throws IOException {
    put("backtest_cache/small.sexp");
    StatusFileSource s = source(Duration.ZERO);
    int small = entries(s);
    put("backtest_cache/large-20k.sexp");
    assertThat(small).isNotEqualTo(20_000);
    assertThat(entries(s)).isEqualTo(20_000);
  }

  @Test
  void aDeletedFile_isSeenAtOnce() throws IOException {
    put("backtest_cache/small.sexp");
    StatusFileSource s = source(Duration.ofSeconds(30));
    s.report();
    Files.delete(file());
    assertThat(s.report().state()).isEqualTo(SourceState.MISSING);
  }
}
