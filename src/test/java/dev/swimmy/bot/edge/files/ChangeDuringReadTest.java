package dev.swimmy.bot.edge.files;

import static dev.swimmy.bot.testing.StatusFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.core.status.StatusDecoder;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.MutableClock;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file changes while it is being read, for sure: the read's bytes go through a stream that,
 * once the first bytes have been read, renames another version over the path ({@code
 * ATOMIC_MOVE}, as the engine does) or rewrites the file in place. A rename leaves the read's
 * file whole, so that read is used and the file is read once; an in-place write may tear it, so
 * the file is read again.
 */
class ChangeDuringReadTest {
  private static final Duration EVERY_30S = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private LastGoodStore store;
  /** Reads of the file: streams opened over it, and the bytes they gave. */
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicLong bytesRead = new AtomicLong();
  private boolean changed;

  @AfterEach
  void close() {
    store.close();
  }

  private StatusFileSource source(SourceId id, Path file, int schema, Duration every, Change change) {
    store = new LastGoodStore(dir.resolve("last_good"));
    return new StatusFileSource(id, file, schema, Duration.ofHours(26), 64 << 20,
        new StatusDecoder(SexpLimits.DEFAULT), store, clock, true, MarketHours.always(), every,
        in -> new Watched(in, change));
  }

  private static int entries(SourceReport r) {
    return ((Snapshot.BacktestCache) r.shown()).entryCount();
  }

  private void renameOver(Path file, String fixture) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, Fixtures.bytes(fixture));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeInPlace(Path file, String fixture) {
    try {
      Object inode = Files.readAttributes(file, "unix:ino").get("ino");
      Files.write(file, Fixtures.bytes(fixture)); // truncates and writes the same file
      assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isEqualTo(inode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void backtestCacheRenamedOverDuringTheRead_isReadOnce_asTheEarlierVersion() throws IOException {
    Path file = dir.resolve("backtest_cache.sexp");
    Files.copy(Fixtures.path("backtest_cache/large-20k.sexp"), file);
    long large = Files.size(file);
    StatusFileSource s = source(SourceId.BACKTEST_CACHE, file, 1, EVERY_30S,
        () -> renameOver(file, "backtest_cache/small.sexp"));

    SourceReport r = s.report();

    assertThat(r.state()).isEqualTo(SourceState.OK);
    assertThat(entries(r)).isEqualTo(20_000);
    assertThat(reads.get()).as("reads of the file").isEqualTo(1);
    assertThat(bytesRead.get()).isEqualTo(large);
    assertThat(Files.size(file)).as("the path now holds the small version").isLessThan(large);
    clock.advance(Duration.ofSeconds(29));
    assertThat(entries(s.report())).as("that read counts for min-reread-interval").isEqualTo(20_000);
    assertThat(reads.get()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(entries(s.report())).as("the new version, once the interval has passed")
        .isNotEqualTo(20_000);
    assertThat(reads.get()).isEqualTo(2);
  }

  @Test
  void liveStatusRenamedOverDuringTheRead_isReadOnce_asTheEarlierVersion() throws IOException {
    Path file = dir.resolve("live_status.sexp");
    Files.write(file, Fixtures.bytes("live_status/fresh.sexp"));
    StatusFileSource s = source(SourceId.LIVE_STATUS, file, 2, Duration.ZERO,
        () -> renameOver(file, "live_status/stale-1h.sexp"));

    SourceReport r = s.report();

    assertThat(r.shown().ownTime()).as("the earlier version's own time").isEqualTo(NOW);
    assertThat(reads.get()).as("reads of the file").isEqualTo(1);
    assertThat(s.report().shown().ownTime()).as("the next report reads the new version")
        .isEqualTo(NOW.minus(Duration.ofHours(1)));
    assertThat(reads.get()).isEqualTo(2);
  }

  @Test
  void systemMetricsRenamedOverDuringTheRead_isReadOnce_asTheEarlierVersion() throws IOException {
    Path file = dir.resolve("system_metrics.sexp");
    Files.write(file, Fixtures.bytes("system_metrics/typical.sexp"));
    StatusFileSource s = source(SourceId.SYSTEM_METRICS, file, 1, Duration.ZERO,
        () -> renameOver(file, "system_metrics/stale-2h.sexp"));

    assertThat(s.report().shown().ownTime()).as("the earlier version's own time").isEqualTo(NOW);
    assertThat(reads.get()).as("reads of the file").isEqualTo(1);
    assertThat(s.report().shown().ownTime()).as("the next report reads the new version")
        .isEqualTo(NOW.minus(Duration.ofHours(2)));
  }

  @Test
  void backtestCacheWrittenInPlaceDuringTheRead_isReadAgain_neverTorn() throws IOException {
    Path file = dir.resolve("backtest_cache.sexp");
    Files.copy(Fixtures.path("backtest_cache/large-20k.sexp"), file);
    StatusFileSource s = source(SourceId.BACKTEST_CACHE, file, 1, EVERY_30S,
        () -> writeInPlace(file, "backtest_cache/small.sexp"));

    SourceReport r = s.report();

    assertThat(reads.get()).as("reads of the file").isEqualTo(2);
    assertThat(r.state()).isEqualTo(SourceState.OK);
    assertThat(entries(r)).as("the version written in place, read whole")
        .isEqualTo(smallEntries());
  }

  @Test
  void liveStatusWrittenInPlaceDuringTheRead_isReadAgain_neverTorn() throws IOException {
    Path file = dir.resolve("live_status.sexp");
    Files.write(file, Fixtures.bytes("live_status/fresh.sexp"));
    StatusFileSource s = source(SourceId.LIVE_STATUS, file, 2, Duration.ZERO,
        () -> writeInPlace(file, "live_status/stale-1h.sexp"));

    SourceReport r = s.report();

    assertThat(reads.get()).as("reads of the file").isEqualTo(2);
    assertThat(r.state()).isEqualTo(SourceState.OK); // stale-after is 26 h here
    assertThat(r.shownIsLastGood()).isFalse();
    assertThat(r.shown().ownTime()).isEqualTo(NOW.minus(Duration.ofHours(1)));
  }

  /**
   * The renamed-away file was also written in place during the read (its size changed), so what
   * was read may be torn: it is read again, and the version now at the path is what is shown.
   */
  @Test
  void writtenInPlaceThenRenamedOverDuringTheRead_isReadAgain() throws IOException {
    Path file = dir.resolve("backtest_cache.sexp");
    Files.copy(Fixtures.path("backtest_cache/large-20k.sexp"), file);
    StatusFileSource s = source(SourceId.BACKTEST_CACHE, file, 1, EVERY_30S, () -> {
      try {
        Files.write(file, new byte[] {' '}, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      renameOver(file, "backtest_cache/small.sexp");
    });

    SourceReport r = s.report();

    assertThat(reads.get()).as("reads of the file").isEqualTo(2);
    assertThat(entries(r)).isEqualTo(smallEntries());
  }

  private int smallEntries() throws IOException {
    Path small = dir.resolve("small.sexp");
    Files.copy(Fixtures.path("backtest_cache/small.sexp"), small);
    int n = entries(new StatusFileSource(SourceId.BACKTEST_CACHE, small, 1, Duration.ofHours(26),
        1 << 20, new StatusDecoder(SexpLimits.DEFAULT), new LastGoodStore(null), clock).report());
    assertThat(n).isNotEqualTo(20_000);
    return n;
  }

  /** What the test does to the file during a read. */
  @FunctionalInterface
  private interface Change {
    void run();
  }

  /**
   * The bytes of one read of the file, counted; on the first read only, once its first bytes have
   * been read, the change happens before the rest is read.
   */
  private final class Watched extends FilterInputStream {
    private final Change change;
    private boolean started;

    Watched(InputStream in, Change change) {
      super(in);
      this.change = change;
      reads.incrementAndGet();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (started && reads.get() == 1 && !changed) {
        changed = true;
        change.run();
      }
      started = true;
      int n = super.read(b, off, len);
      if (n > 0) {
        bytesRead.addAndGet(n);
      }
      return n;
    }
  }
}
