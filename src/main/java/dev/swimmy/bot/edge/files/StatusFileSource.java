package dev.swimmy.bot.edge.files;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.swimmy.bot.core.status.Issue;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.ReadOutcome;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.StatusDecoder;
import dev.swimmy.bot.core.status.StatusSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A status file on disk. The file is read whole (the backtest cache as a stream, never held
 * whole) and parsed once per version ({@link FileStamp}:
 * size, mtime, inode); while the stamp is unchanged a report costs one {@code stat}.
 *
 * <p>Rename race: the file is read through one descriptor, and the stamp is taken before the
 * open, just after it and after the read. When the path was renamed away during the read (the
 * engine writes a temp file and renames it over the path) and the descriptor's file kept its
 * size, the bytes are the earlier version whole, since a rename never changes the renamed-away
 * file: that outcome is used, with its own data time, and counts as the read for {@code
 * minRereadInterval}; the new version is read once the interval has passed. When the same file
 * changed during the read (written in place) or the path changed between the stat and the open,
 * the bytes may be torn or of an unknown version, so they are not cached and the read is retried;
 * after {@link #ATTEMPTS} tries the last bytes are decoded uncached and not kept as the last good
 * copy. An atomically replaced file therefore gives the old snapshot or the new one, and a writer
 * that rewrites in place gives either or a clean PARSE_ERROR, never an exception. Java gives no
 * mtime of an open descriptor, so a file rewritten in place at the same size and then renamed
 * away during the read would go unseen; the engine only renames. Files above {@code
 * maxFileBytes} are refused before reading.
 *
 * <p>A changed file is read again at most once per {@code minRereadInterval} (the backtest cache:
 * the engine rewrites its whole growing file on every result); until then the previous outcome
 * stands, so a busy writer cannot make the bot spend its CPU re-reading. A file that disappears
 * is seen at once (that costs a {@code stat}, not a read).
 */
public final class StatusFileSource implements StatusSource {
  private static final Logger LOG = LoggerFactory.getLogger(StatusFileSource.class);
  static final int ATTEMPTS = 3;

  private final SourceId id;
  private final Path path;
  private final int expectedSchema;
  private final Duration staleAfter;
  private final int maxBytes;
  private final StatusDecoder decoder;
  private final LastGoodStore lastGood;
  private final Clock clock;
  private final Cache<FileStamp, ReadOutcome> parsed;
  private final boolean required;
  private final MarketHours marketHours;
  private final Duration minRereadInterval;
  private final Reads reads;
  private Instant lastReadAt;
  private ReadOutcome lastRead;

  /** A required source without a market calendar, read again on every change. */
  public StatusFileSource(
      SourceId id,
      Path path,
      int expectedSchema,
      Duration staleAfter,
      long maxFileBytes,
      StatusDecoder decoder,
      LastGoodStore lastGood,
      Clock clock) {
    this(id, path, expectedSchema, staleAfter, maxFileBytes, decoder, lastGood, clock, true,
        MarketHours.always(), Duration.ZERO);
  }

  /**
   * @param required false when the engine may not write the file at all (missing: NOT_WRITTEN)
   * @param marketHours the calendar the file's freshness is judged by ({@link
   *     MarketHours#always()}: none)
   * @param minRereadInterval a changed file is read at most once per this; zero: on every change
   */
  public StatusFileSource(
      SourceId id,
      Path path,
      int expectedSchema,
      Duration staleAfter,
      long maxFileBytes,
      StatusDecoder decoder,
      LastGoodStore lastGood,
      Clock clock,
      boolean required,
      MarketHours marketHours,
      Duration minRereadInterval) {
    this(id, path, expectedSchema, staleAfter, maxFileBytes, decoder, lastGood, clock, required,
        marketHours, minRereadInterval, in -> in);
  }

  /** As the public constructor, with the bytes of each read passed through {@code reads}. */
  StatusFileSource(
      SourceId id,
      Path path,
      int expectedSchema,
      Duration staleAfter,
      long maxFileBytes,
      StatusDecoder decoder,
      LastGoodStore lastGood,
      Clock clock,
      boolean required,
      MarketHours marketHours,
      Duration minRereadInterval,
      Reads reads) {
    this.reads = reads;
    this.required = required;
    this.marketHours = marketHours;
    this.minRereadInterval = minRereadInterval;
    this.id = id;
    this.path = path;
    this.expectedSchema = expectedSchema;
    this.staleAfter = staleAfter;
    this.maxBytes = (int) Math.min(maxFileBytes, Integer.MAX_VALUE - 16);
    this.decoder = decoder;
    this.lastGood = lastGood;
    this.clock = clock;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.parsed = Caffeine.newBuilder().ticker(ticker).maximumSize(4)
        .expireAfterAccess(Duration.ofMinutes(10)).build();
    lastGood.restore(id, (bytes, mtime) -> decoder.decodeKept(id, bytes, expectedSchema, mtime));
  }

  @Override
  public SourceId id() {
    return id;
  }

  @Override
  public synchronized SourceReport report() {
    ReadOutcome outcome = current();
    return SourceReport.decide(id, outcome, lastGood.get(id).orElse(null), clock.instant(), staleAfter,
        required, marketHours);
  }

  /** The file's outcome now: from the parse cache while its stamp holds, else read again. */
  ReadOutcome current() {
    Read read = null;
    FileStamp before = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        before = FileStamp.of(path);
      } catch (NoSuchFileException e) {
        return missing();
      } catch (IOException e) {
        return unreadable(e);
      }
      ReadOutcome cached = parsed.getIfPresent(before);
      if (cached != null) {
        return cached;
      }
      if (before.size() > maxBytes) {
        return cache(before, tooLarge(before.size()));
      }
      if (attempt == 0 && tooSoon()) {
        return lastRead;
      }
      lastReadAt = clock.instant();
      try {
        read = read(before);
      } catch (NoSuchFileException e) {
        read = null; // replaced or deleted between stat and read: look again
        continue;
      } catch (IOException e) {
        return unreadable(e);
      }
      if (read.whole()) {
        return cache(before, outcome(read, before, true));
      }
    }
    return read == null ? missing() : outcome(read, before, false);
  }

  /**
   * What one read through one open descriptor gave: the bytes (null when streamed) or the
   * streamed outcome, and whether they are one whole version of the file, the one of the stamp
   * taken before the read.
   */
  private record Read(byte[] bytes, ReadOutcome streamed, boolean whole) {}

  /**
   * Reads the file once, through one descriptor (a streamed decoder that opens its input twice
   * reads the same descriptor from its start again). The bytes are one whole version, {@code
   * before}'s, when the path kept {@code before}'s stamp from just after the open to the end of
   * the read, or when the path was renamed away during the read (another file key) while the
   * descriptor's own file kept its size: a rename never changes the renamed-away file, so what
   * was read is that earlier version whole, and reading the new one too would only double the
   * work while the engine rewrites the file every second. A change of the same file (written in
   * place) is not whole: it may be torn.
   */
  private Read read(FileStamp before) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      boolean opened = before.equals(FileStamp.of(path)); // else: which version is open is unknown
      StatusDecoder.Input input = () -> reads.from(new KeptOpen(Channels.newInputStream(channel.position(0))));
      byte[] bytes = null;
      ReadOutcome streamed = null;
      if (id == SourceId.BACKTEST_CACHE) {
        streamed = decodeStreamed(input, before);
      } else {
        try (InputStream in = input.open()) {
          bytes = in.readNBytes(maxBytes + 1);
        }
      }
      FileStamp after = FileStamp.of(path);
      boolean renamedAway = before.fileKey() != null && !before.fileKey().equals(after.fileKey())
          && channel.size() == before.size();
      return new Read(bytes, streamed, opened && (before.equals(after) || renamedAway));
    }
  }

  private ReadOutcome outcome(Read read, FileStamp stamp, boolean whole) {
    if (read.streamed() != null) {
      return remember(read.streamed(), null, stamp, whole);
    }
    return read.bytes().length > maxBytes ? tooLarge(read.bytes().length) : decode(read.bytes(), stamp, whole);
  }

  private ReadOutcome missing() {
    return new ReadOutcome.Bad(new Issue.Missing(path.getFileName().toString()));
  }

  private static ReadOutcome unreadable(IOException e) {
    return new ReadOutcome.Bad(Issue.ParseFailure.unpositioned("cannot read the file: " + e));
  }

  private ReadOutcome cache(FileStamp stamp, ReadOutcome outcome) {
    parsed.put(stamp, outcome);
    lastRead = outcome;
    return outcome;
  }

  /** True while the last read is younger than {@code minRereadInterval}: keep its outcome. */
  private boolean tooSoon() {
    return lastRead != null && lastReadAt != null && !minRereadInterval.isZero()
        && Duration.between(lastReadAt, clock.instant()).compareTo(minRereadInterval) < 0;
  }

  private ReadOutcome decode(byte[] bytes, FileStamp stamp, boolean stable) {
    ReadOutcome outcome;
    try {
      outcome = decoder.decode(id, bytes, expectedSchema, stamp.mtime());
    } catch (RuntimeException e) {
      LOG.error("decoding {} failed unexpectedly", path, e);
      outcome = new ReadOutcome.Bad(Issue.ParseFailure.unpositioned("unexpected decoder failure: " + e));
    }
    return remember(outcome, bytes, stamp, stable);
  }

  /**
   * The backtest cache, read as a stream: the file is never held whole (see {@link
   * StatusDecoder#decodeStream}).
   */
  private ReadOutcome decodeStreamed(StatusDecoder.Input input, FileStamp stamp) throws IOException {
    try {
      return decoder.decodeStream(id, input, expectedSchema, stamp.mtime());
    } catch (RuntimeException e) {
      LOG.error("decoding {} failed unexpectedly", path, e);
      return new ReadOutcome.Bad(Issue.ParseFailure.unpositioned("unexpected decoder failure: " + e));
    }
  }

  /**
   * Logs a bad outcome, and remembers a good one of a {@code stable} read as the last good copy;
   * {@code bytes} null: the file was streamed, and is read whole only if its snapshot has no
   * compact copy.
   */
  private ReadOutcome remember(ReadOutcome outcome, byte[] bytes, FileStamp stamp, boolean stable) {
    if (outcome instanceof ReadOutcome.Good good) {
      if (stable) {
        byte[] kept = decoder.keptCopy(good.snapshot(), bytes);
        if (kept == null) {
          kept = readForKeeping(stamp);
        }
        if (kept != null) {
          lastGood.remember(good.snapshot(), kept, stamp.mtime());
        }
      }
    } else {
      LOG.warn("{} is not usable: {}", path, ((ReadOutcome.Bad) outcome).issue().describe());
    }
    return outcome;
  }

  /** The file's bytes if it is still the version of {@code stamp}, else null. */
  private byte[] readForKeeping(FileStamp stamp) {
    try {
      if (!stamp.equals(FileStamp.of(path))) {
        return null; // renamed away since its read: the path holds another version
      }
      byte[] bytes = readBounded();
      return stamp.equals(FileStamp.of(path)) && bytes.length <= maxBytes ? bytes : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** At most {@code maxBytes + 1} bytes, so a file that grew past the limit is seen as such. */
  private byte[] readBounded() throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(maxBytes + 1);
    }
  }

  /** A stream over the read's descriptor whose close leaves the descriptor to {@link #read}. */
  private static final class KeptOpen extends FilterInputStream {
    KeptOpen(InputStream in) {
      super(in);
    }

    @Override
    public void close() {
      // the channel is closed by read()
    }
  }

  /**
   * How the bytes of the open file are read: as they are, or (in tests) through a stream that
   * acts while the read is under way, so a rename or a write during the read happens for sure.
   */
  @FunctionalInterface
  interface Reads {
    InputStream from(InputStream fileBytes);
  }

  private ReadOutcome tooLarge(long size) {
    return new ReadOutcome.Bad(Issue.ParseFailure.unpositioned(
        "file of " + size + " bytes is over the limit of " + maxBytes));
  }
}
