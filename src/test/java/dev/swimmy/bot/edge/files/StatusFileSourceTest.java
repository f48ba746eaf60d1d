package dev.swimmy.bot.edge.files;

import static dev.swimmy.bot.testing.StatusFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.status.Issue;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.core.status.StatusDecoder;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusFileSourceTest {
  private static final Duration STALE = Duration.ofSeconds(180);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(NOW);
  private final List<LastGoodStore> stores = new ArrayList<>();

  @AfterEach
  void closeStores() {
    stores.forEach(LastGoodStore::close);
  }

  /** What a restart relies on: every last good copy asked for so far is on disk. */
  private void flushToDisk() {
    stores.forEach(LastGoodStore::flush);
  }

  private LastGoodStore store() {
    LastGoodStore s = new LastGoodStore(dir.resolve("last_good"));
    stores.add(s);
    return s;
  }

  private Path file() {
    return dir.resolve("live_status.sexp");
  }

  private StatusFileSource source(long maxBytes) {
    return new StatusFileSource(SourceId.LIVE_STATUS, file(), 2, STALE, maxBytes,
        new StatusDecoder(SexpLimits.DEFAULT), store(), clock);
  }

  private StatusFileSource source() {
    return source(1 << 20);
  }

  private void put(String fixture) throws IOException {
    AtomicFiles.write(file(), Fixtures.bytes(fixture));
  }

  @Test
  void freshFile_isOkWithItsOwnTime() throws IOException {
    put("live_status/fresh.sexp");
    SourceReport r = source().report();
    assertThat(r.state()).isEqualTo(SourceState.OK);
    assertThat(r.shown().ownTime()).isEqualTo(NOW);
  }

  @Test
  void unchangedFile_isNotReadAgain() throws IOException {
    put("live_status/fresh.sexp");
    StatusFileSource s = source();
    Snapshot first = s.report().shown();
    // Same size, same mtime, same inode, other bytes: only a re-read would notice.
    FileTime mtime = Files.getLastModifiedTime(file());
    byte[] other = Files.readAllBytes(file());
    other[other.length - 5] = '9';
    Files.write(file(), other);
    Files.setLastModifiedTime(file(), mtime);
    assertThat(s.report().shown()).isSameAs(first);
  }

  @Test
  void fileReplacedByRename_isReadAgain() throws IOException {
    put("live_status/fresh.sexp");
    StatusFileSource s = source();
    s.report();
    put("live_status/stale-1h.sexp");
    assertThat(s.report().state()).isEqualTo(SourceState.STALE);
  }

  @Test
  void staleness_followsTheInjectedClock() throws IOException {
    put("live_status/fresh.sexp");
    StatusFileSource s = source();
    assertThat(s.report().state()).isEqualTo(SourceState.OK);
    clock.advance(Duration.ofSeconds(181));
    assertThat(s.report().state()).isEqualTo(SourceState.STALE);
  }

  @Test
  void parseFailureAfterAGoodRead_keepsTheLastGoodWithItsAge() throws IOException {
    put("live_status/fresh.sexp");
    StatusFileSource s = source();
    s.report();
    clock.advance(Duration.ofMinutes(2));
    put("live_status/truncated.sexp");
    SourceReport r = s.report();
    assertThat(r.state()).isEqualTo(SourceState.PARSE_ERROR);
    assertThat(r.shownIsLastGood()).isTrue();
    assertThat(r.shown().ownTime()).isEqualTo(NOW);
    assertThat(r.age()).contains(Duration.ofMinutes(2));
    assertThat(((Issue.ParseFailure) r.issue()).line()).isEqualTo(1);
  }

  @Test
  void deletedFile_isMissingAndKeepsTheLastGood() throws IOException {
    put("live_status/fresh.sexp");
    StatusFileSource s = source();
    s.report();
    Files.delete(file());
    SourceReport r = s.report();
    assertThat(r.state()).isEqualTo(SourceState.MISSING);
    assertThat(r.shownIsLastGood()).isTrue();
  }

  @Test
  void schemaMismatch_keepsTheLastGoodAndSaysExpectedAndFound() throws IOException {
    put("live_status/fresh.sexp");
    StatusFileSource s = source();
    s.report();
    put("live_status/schema-v3.sexp");
    SourceReport r = s.report();
    assertThat(r.state()).isEqualTo(SourceState.SCHEMA_MISMATCH);
    assertThat(r.issue()).isEqualTo(new Issue.SchemaMismatch(2, 3));
    assertThat(r.shown()).isNotNull();
  }

  @Test
  void restartWhileTheFileIsBroken_showsTheLastGoodKeptOnDisk() throws IOException {
    put("live_status/fresh.sexp");
    source().report();
    flushToDisk();
    put("live_status/garbage.sexp");
    SourceReport r = source().report();
    assertThat(r.state()).isEqualTo(SourceState.PARSE_ERROR);
    assertThat(r.shownFromDisk()).isTrue();
    assertThat(r.shown().ownTime()).isEqualTo(NOW);
  }

  @Test
  void backtestCacheWithoutEntries_keepsItsFileMtimeAcrossARestart() throws IOException {
    Path f = dir.resolve("backtest_cache.sexp");
    Files.write(f, Fixtures.bytes("backtest_cache/empty-entries.sexp"));
    Instant mtime = Instant.parse("2026-02-11T00:00:00Z");
    Files.setLastModifiedTime(f, FileTime.from(mtime));
    LastGoodStore store = store();
    StatusDecoder decoder = new StatusDecoder(SexpLimits.DEFAULT);
    new StatusFileSource(SourceId.BACKTEST_CACHE, f, 1, Duration.ofHours(26), 1 << 20, decoder,
        store, clock).report();
    flushToDisk();
    Files.delete(f);
    SourceReport r = new StatusFileSource(SourceId.BACKTEST_CACHE, f, 1, Duration.ofHours(26),
        1 << 20, decoder, store(), clock).report();
    assertThat(r.state()).isEqualTo(SourceState.MISSING);
    assertThat(r.shownFromDisk()).isTrue();
    assertThat(r.shown().ownTime()).isEqualTo(mtime);
  }

  @Test
  void fileOverTheSizeCap_isAParseErrorNotARead() throws IOException {
    put("live_status/fresh.sexp");
    SourceReport r = source(100).report();
    assertThat(r.state()).isEqualTo(SourceState.PARSE_ERROR);
    assertThat(r.issue().describe()).contains("over the limit");
  }

  @Test
  void largeBacktestCache_readsWithinTheDefaultCap() throws IOException {
    Path f = dir.resolve("backtest_cache.sexp");
    Files.copy(Fixtures.path("backtest_cache/large-20k.sexp"), f);
    SourceReport r = new StatusFileSource(SourceId.BACKTEST_CACHE, f, 1, Duration.ofHours(26),
        32L << 20, new StatusDecoder(SexpLimits.DEFAULT), new LastGoodStore(null), clock).report();
    assertThat(r.state()).isEqualTo(SourceState.OK);
    assertThat(((Snapshot.BacktestCache) r.shown()).entryCount()).isEqualTo(20_000);
  }

  /**
   * A writer swaps two versions by rename as fast as it can while reports are taken: every report
   * is one of the two versions (or a clean PARSE_ERROR), never an exception, and never a mix (a
   * state that does not belong to the time shown). Reports go on until both versions were seen,
   * so the reads did overlap the renames; once the writer stops, the report is the version on
   * disk, so no read was cached under the other version's stamp.
   */
  @Test
  void fileReplacedWhileBeingRead_givesTheOldOrNewSnapshotNeverACrash() throws Exception {
    byte[] a = Fixtures.bytes("live_status/fresh.sexp");
    byte[] b = Fixtures.bytes("live_status/stale-1h.sexp");
    Files.write(file(), a);
    StatusFileSource s = source();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger renames = new AtomicInteger();
    Thread writer = new Thread(() -> {
      Path tmp = dir.resolve("tmp.sexp");
      for (int i = 0; !stop.get(); i++) {
        try {
          Files.write(tmp, i % 2 == 0 ? b : a);
          Files.move(tmp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          renames.incrementAndGet();
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }, "test-renamer");
    writer.start();
    Set<SourceState> seen = new HashSet<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try {
      for (int i = 0; i < 2000 || (!seen.containsAll(Set.of(SourceState.OK, SourceState.STALE))
          && System.nanoTime() < deadline); i++) {
        SourceReport r = s.report();
        seen.add(r.state());
        assertThat(r.state()).isIn(SourceState.OK, SourceState.STALE, SourceState.PARSE_ERROR);
        if (r.state() == SourceState.OK) {
          assertThat(r.shown().ownTime()).isEqualTo(NOW);
        } else if (r.state() == SourceState.STALE) {
          assertThat(r.shown().ownTime()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        }
      }
    } finally {
      stop.set(true);
      writer.join();
    }
    assertThat(seen).as("both versions seen while %d renames ran", renames.get())
        .contains(SourceState.OK, SourceState.STALE);
    Instant onDisk = Arrays.equals(Files.readAllBytes(file()), a) ? NOW : NOW.minus(Duration.ofHours(1));
    assertThat(s.report().shown().ownTime()).as("the version on disk once the renames stop")
        .isEqualTo(onDisk);
  }
}
