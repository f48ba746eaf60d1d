package dev.swimmy.bot.edge.files;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.swimmy.bot.core.status.LastGood;
import dev.swimmy.bot.core.status.ReadOutcome;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.SourceId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good snapshot of each source: in memory (Caffeine) and on disk, so a bot restarted
 * while a file is broken still shows the last good values, flagged as kept across a restart.
 *
 * <p>Disk contract: {@code <dir>/<source-key>.sexp} holds the bytes the caller gives for the last
 * good read ({@code StatusDecoder.keptCopy}: the file itself, or for the backtest cache a summary
 * of a few hundred bytes instead of 4.7 MB), preceded by one Lisp comment line {@code ;;
 * swimmy-bot last good; mtime=<ISO instant>} (the file's mtime, which the backtest cache's own
 * time may need). It is replaced with {@link AtomicFiles#write}, so a crash leaves either the
 * previous copy or the new one. On start the copy is decoded again against the configured schema
 * ({@code StatusDecoder.decodeKept}, which also reads whole files kept by older versions); a copy
 * that no longer decodes is ignored. A failed write is logged and leaves the in-memory last good
 * in place.
 *
 * <p>Writes happen on one named thread, {@code swimmy-last-good-writer}, so a report never waits
 * for an fsync; per source only the newest pending copy is written (older ones are
 * superseded, never queued up). {@link #flush} waits for the writes asked so far and {@link
 * #close} flushes then stops the thread: a copy asked for before {@code close} is on disk after
 * it. A crash before a write completes leaves the previous copy. Proven by {@code
 * StatusFileSourceTest} and {@code RenderCommandTest}.
 *
 * <p>{@link #readOnly} restores the copies on disk but never writes one: the {@code render}
 * command uses it, so that looking at the status changes nothing in the engine's home.
 */
public final class LastGoodStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LastGoodStore.class);
  private static final String HEADER = ";; swimmy-bot last good; mtime=";

  private final Cache<SourceId, LastGood> memory = Caffeine.newBuilder().maximumSize(16).build();
  private final Path dir;
  private final Map<SourceId, Pending> pending = new ConcurrentHashMap<>();
  /** Null when nothing is written: no directory, or {@link #readOnly}. */
  private final ExecutorService writer;

  private record Pending(byte[] raw, Instant fileMtime) {}

  /** {@code dir} null keeps last good snapshots in memory only. */
  public LastGoodStore(Path dir) {
    this(dir, true);
  }

  private LastGoodStore(Path dir, boolean writes) {
    this.dir = dir;
    this.writer = dir == null || !writes ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "swimmy-last-good-writer");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * A store that restores the copies kept in {@code dir} (null: none) and remembers good reads in
   * memory only: it creates, writes and deletes nothing, and starts no thread.
   */
  public static LastGoodStore readOnly(Path dir) {
    return new LastGoodStore(dir, false);
  }

  public Optional<LastGood> get(SourceId id) {
    return Optional.ofNullable(memory.getIfPresent(id));
  }

  /** Records a good read and persists {@code raw}, the copy to keep of it. */
  public void remember(Snapshot snapshot, byte[] raw, Instant fileMtime) {
    memory.put(snapshot.source(), new LastGood(snapshot, false));
    if (writer == null) {
      return;
    }
    SourceId id = snapshot.source();
    pending.put(id, new Pending(raw, fileMtime));
    try {
      writer.execute(() -> write(id));
    } catch (RejectedExecutionException e) {
      LOG.warn("last good {} not kept on disk: the store is closed", id.key());
    }
  }

  /** Waits until every copy asked for so far is on disk (or its failure logged). */
  public void flush() {
    if (writer == null) {
      return;
    }
    try {
      writer.submit(() -> { }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RejectedExecutionException e) {
      // Closed already: nothing is pending.
    }
  }

  /** Flushes, then stops the writer thread. */
  @Override
  public void close() {
    if (writer != null) {
      flush();
      writer.shutdown();
    }
  }

  private void write(SourceId id) {
    Pending p = pending.remove(id);
    if (p == null) {
      return; // a newer copy was already written
    }
    byte[] header = (HEADER + p.fileMtime() + "\n").getBytes(StandardCharsets.UTF_8);
    int skip = hasBom(p.raw()) ? 3 : 0;
    try {
      AtomicFiles.write(file(id), ByteBuffer.wrap(header),
          ByteBuffer.wrap(p.raw(), skip, p.raw().length - skip));
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not keep the last good {} on disk: {}", id.key(), e.toString());
    }
  }

  /**
   * Loads the copy kept on disk, once at start, unless a snapshot is already in memory. {@code
   * decode} gets the bytes and the original file's mtime.
   */
  public void restore(SourceId id, BiFunction<byte[], Instant, ReadOutcome> decode) {
    if (dir == null || memory.getIfPresent(id) != null) {
      return;
    }
    try {
      byte[] bytes = Files.readAllBytes(file(id));
      if (decode.apply(bytes, mtime(bytes)) instanceof ReadOutcome.Good good) {
        memory.asMap().putIfAbsent(id, new LastGood(good.snapshot(), true));
      } else {
        LOG.warn("the last good {} kept on disk no longer decodes; ignored", id.key());
      }
    } catch (NoSuchFileException e) {
      // Nothing kept yet: a first start.
    } catch (IOException e) {
      LOG.warn("could not read the last good {} kept on disk: {}", id.key(), e.toString());
    }
  }

  Path file(SourceId id) {
    return dir.resolve(id.key() + ".sexp");
  }

  private static Instant mtime(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 128), StandardCharsets.UTF_8);
    int nl = head.indexOf('\n');
    if (!head.startsWith(HEADER) || nl < 0) {
      return null;
    }
    try {
      return Instant.parse(head.substring(HEADER.length(), nl).strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
  }
}
