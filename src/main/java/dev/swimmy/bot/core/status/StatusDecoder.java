package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.sexp.Sexp;
import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.sexp.SexpParseException;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.core.sexp.SexpView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a status file's bytes into a {@link ReadOutcome}: parse once, check that the form is an
 * alist, check {@code schema_version} against the configured one, then decode the source's typed
 * snapshot. Pure: the file's mtime is passed in (the backtest cache needs it when it has no
 * entries), nothing is read here.
 */
public final class StatusDecoder {
  private final SexpReader reader;

  /** A decoder whose reader refuses files beyond {@code limits}. */
  public StatusDecoder(SexpLimits limits) {
    this.reader = new SexpReader(limits);
  }

  /**
   * The backtest cache's entries are summarised as the reader reads them (as {@link
   * #decodeStream} does), so its 20,000-entry list is never built; any other shape of file goes
   * through {@link #decode(SourceId, Sexp, int, Instant)} and comes out the same.
   */
  public ReadOutcome decode(SourceId source, byte[] utf8, int expectedSchema, Instant fileMtime) {
    try {
      if (source == SourceId.BACKTEST_CACHE) {
        return decodeStream(source, () -> new ByteArrayInputStream(utf8), expectedSchema, fileMtime);
      }
      return decode(source, reader.read(utf8), expectedSchema, fileMtime);
    } catch (SexpParseException e) {
      return parseFailure(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
  }

  /** Opens a status file's bytes from their start; may be called twice for one read. */
  @FunctionalInterface
  public interface Input {
    /** A new stream over the file's bytes; the caller closes it. */
    InputStream open() throws IOException;
  }

  /**
   * Like {@link #decode(SourceId, byte[], int, Instant)}, but reads the bytes from {@code input}.
   * The backtest cache is read as a stream and its entries summarised one at a time ({@link
   * SexpReader#read(InputStream, String, java.util.function.Consumer)}), so neither the file nor
   * its entries are ever held whole, whatever its size; only a file whose entries cell is dotted,
   * which the engine does not write, is opened again and read whole. Other files are read whole.
   *
   * @throws IOException if reading fails
   */
  public ReadOutcome decodeStream(SourceId source, Input input, int expectedSchema, Instant fileMtime)
      throws IOException {
    try {
      if (source == SourceId.BACKTEST_CACHE) {
        BacktestCacheDecoder.Summary entries = new BacktestCacheDecoder.Summary();
        SexpReader.Streamed read;
        try (InputStream in = input.open()) {
          read = reader.read(in, "entries", entries.scanner(), entries);
        }
        switch (read.cell()) {
          case LIST:
            return decode(source, read.tree(), entries, false, expectedSchema, fileMtime);
          case ABSENT:
            return decode(source, read.tree(), expectedSchema, fileMtime);
          default:
            break; // a dotted entries cell: its items are gone from the tree, read it whole
        }
      }
      byte[] bytes;
      try (InputStream in = input.open()) {
        bytes = in.readNBytes(reader.maxBytes() + 1);
      }
      return decode(source, reader.read(bytes), expectedSchema, fileMtime);
    } catch (SexpParseException e) {
      return parseFailure(e);
    }
  }

  private static ReadOutcome parseFailure(SexpParseException e) {
    String what = e.getMessage().replaceFirst(" at \\d+:\\d+$", "");
    return bad(new Issue.ParseFailure(what, e.line(), e.column()));
  }

  /**
   * Decodes a tree already read: checks it is an alist with {@code expectedSchema}, then decodes
   * {@code source}'s snapshot. A bad form or schema is an outcome, not an exception.
   *
   * @param fileMtime the file's modification time, the backtest cache's own time when it has no entries
   */
  public ReadOutcome decode(SourceId source, Sexp tree, int expectedSchema, Instant fileMtime) {
    return decode(source, tree, null, false, expectedSchema, fileMtime);
  }

  /**
   * What to keep on disk as the last good copy of a good read of {@code raw}: the bytes
   * themselves, or for the backtest cache a summary of a few hundred bytes that {@link
   * #decodeKept} turns back into an equal snapshot. {@code raw} may be null (the file was
   * streamed): then null when the snapshot needs the bytes themselves.
   */
  public byte[] keptCopy(Snapshot snapshot, byte[] raw) {
    return snapshot instanceof Snapshot.BacktestCache b && BacktestKeptCopy.canWrite(b)
        ? BacktestKeptCopy.write(b)
        : raw;
  }

  /** Decodes a copy made by {@link #keptCopy}, or a whole status file as older versions kept. */
  public ReadOutcome decodeKept(SourceId source, byte[] bytes, int expectedSchema, Instant fileMtime) {
    if (source != SourceId.BACKTEST_CACHE) {
      return decode(source, bytes, expectedSchema, fileMtime);
    }
    try {
      return decode(source, reader.read(bytes), null, true, expectedSchema, fileMtime);
    } catch (SexpParseException e) {
      return parseFailure(e);
    }
  }

  /**
   * {@code streamed}: the backtest entries, already taken out of {@code tree}'s entries cell;
   * {@code kept}: the tree may be a {@link BacktestKeptCopy}.
   */
  private ReadOutcome decode(SourceId source, Sexp tree, BacktestCacheDecoder.Summary streamed,
      boolean kept, int expectedSchema, Instant fileMtime) {
    BacktestCacheDecoder.Split split =
        source == SourceId.BACKTEST_CACHE && streamed == null ? BacktestCacheDecoder.split(tree) : null;
    Optional<SexpMap> map = SexpView.asMap(split == null ? tree : split.head());
    if (map.isEmpty()) {
      return bad(Issue.ParseFailure.unpositioned("not an alist: the file holds " + kind(tree)));
    }
    SexpMap m = map.get();
    Integer found = m.number("schema_version").map(Number::intValue).orElse(null);
    if (found == null || found != expectedSchema) {
      return bad(new Issue.SchemaMismatch(expectedSchema, found));
    }
    try {
      Snapshot s =
          switch (source) {
            case LIVE_STATUS -> LiveStatusDecoder.decode(m, found);
            case SYSTEM_METRICS -> SystemMetricsDecoder.decode(m, found);
            case BACKTEST_CACHE -> backtest(m, split, streamed, kept, found, fileMtime);
          };
      return new ReadOutcome.Good(s);
    } catch (UndecodableException e) {
      return bad(Issue.ParseFailure.unpositioned(e.getMessage()));
    }
  }

  /** The backtest snapshot from entries streamed, from a kept summary, or from the entries cell. */
  private static Snapshot backtest(SexpMap m, BacktestCacheDecoder.Split split, BacktestCacheDecoder.Summary streamed,
      boolean kept, int schema, Instant fileMtime) throws UndecodableException {
    if (streamed != null) {
      return streamed.finish(schema, fileMtime);
    }
    if (kept && m.has(BacktestKeptCopy.COUNT)) {
      return BacktestKeptCopy.read(m, split.entries(), schema, fileMtime);
    }
    return BacktestCacheDecoder.decode(m, split.entries(), schema, fileMtime);
  }

  private static ReadOutcome bad(Issue issue) {
    return new ReadOutcome.Bad(issue);
  }

  private static String kind(Sexp tree) {
    if (tree instanceof Sexp.Sym) {
      return "a bare symbol";
    }
    if (tree instanceof Sexp.Lst l && l.isNil()) {
      return "nil";
    }
    return tree instanceof Sexp.Lst ? "a list that is not key/value pairs" : "a single value";
  }
}
