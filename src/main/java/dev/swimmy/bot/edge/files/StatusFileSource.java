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
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * <p>Rename race: the stamp is taken before and after the read. If it moved, the bytes may be of
 * either version, so they are not cached under either stamp and the read is retried; after {@link
 * #ATTEMPTS} tries the last bytes are decoded uncached. An atomically replaced file therefore gives
 * the old snapshot, the new one, or (for a writer that rewrites in place) a clean PARSE_ERROR,
 * never an exception. Files above {@code maxFileBytes} are refused before reading.
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
    byte[] bytes = null;
    ReadOutcome streamedOutcome = null;
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
        if (id == SourceId.BACKTEST_CACHE) {
          streamedOutcome = decodeStreamed(before);
          if (before.equals(FileStamp.of(path))) {
            return cache(before, remember(streamedOutcome, null, before, true));
          }
          continue;
        }
        bytes = readBounded();
        if (before.equals(FileStamp.of(path))) {
          return cache(before, bytes.length > maxBytes ? tooLarge(bytes.length) : decode(bytes, before, true));
        }
      } catch (NoSuchFileException e) {
        bytes = null; // replaced or deleted between stat and read: look again
      } catch (IOException e) {
        return unreadable(e);
      }
    }
    if (streamedOutcome != null) {
      return remember(streamedOutcome, null, before, false);
    }
    if (bytes == null) {
      return missing();
    }
    return bytes.length > maxBytes ? tooLarge(bytes.length) : decode(bytes, before, false);
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
   * StatusDecoder#decodeStream}). A file gone since the stat reads as a {@link
   * NoSuchFileException}, as {@link #readBounded} does.
   */
  private ReadOutcome decodeStreamed(FileStamp stamp) throws IOException {
    try {
      return decoder.decodeStream(id, () -> Files.newInputStream(path), expectedSchema, stamp.mtime());
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

  private ReadOutcome tooLarge(long size) {
    return new ReadOutcome.Bad(Issue.ParseFailure.unpositioned(
        "file of " + size + " bytes is over the limit of " + maxBytes));
  }
}
