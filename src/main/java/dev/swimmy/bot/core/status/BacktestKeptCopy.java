package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.sexp.Sexp;
import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.sexp.SexpWriter;
import dev.swimmy.bot.core.status.Snapshot.BacktestCache;
import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import dev.swimmy.bot.core.status.Snapshot.Strategy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last good backtest cache as kept on disk: not the 4.7 MB file but its summary, written in
 * the cache's own syntax so that a person can read it:
 *
 * <pre>((schema_version . 1) (swimmy_entry_count . 20000) (swimmy_skipped_entries . 0)
 *  (entries NEWEST RUNS-OF-BEST-1 ... RUNS-OF-BEST-10))</pre>
 *
 * <p>The first entry is the newest, the rest the runs of the best strategies (the newest may
 * appear twice); reading it back groups and ranks those few runs again ({@link Strategies}), which
 * gives an equal {@link BacktestCache}.
 * A copy without {@code swimmy_entry_count} is a whole cache file (as older versions kept) and is
 * decoded as one.
 */
final class BacktestKeptCopy {
  static final String COUNT = "swimmy_entry_count";
  static final String SKIPPED = "swimmy_skipped_entries";
  private static final long UNIVERSAL_TO_UNIX = 2_208_988_800L;

  private BacktestKeptCopy() {}

  /** False when a value cannot be written as a Lisp float (an integer beyond double range). */
  static boolean canWrite(BacktestCache s) {
    for (Strategy st : s.topBySharpe()) {
      for (BacktestEntry e : st.runs()) {
        if (!finite(e)) {
          return false;
        }
      }
    }
    return s.newest() == null || finite(s.newest());
  }

  private static boolean finite(BacktestEntry e) {
    for (Double v : new Double[] {e.sharpe(), e.profitFactor(), e.winRate(), e.maxDrawdown(), e.pnl()}) {
      if (v != null && !Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  static byte[] write(BacktestCache s) {
    List<Sexp> entries = new ArrayList<>();
    entries.add(sym("entries"));
    if (s.newest() != null) {
      entries.add(entry(s.newest()));
      s.topBySharpe().forEach(st -> st.runs().forEach(e -> entries.add(entry(e))));
    }
    Sexp copy = new Sexp.Lst(List.of(
        pair("schema_version", Sexp.Int.of(s.schemaVersion())),
        pair(COUNT, Sexp.Int.of(s.entryCount())),
        pair(SKIPPED, Sexp.Int.of(s.skippedEntries())),
        new Sexp.Lst(entries)));
    return (SexpWriter.write(copy) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code m} is the copy's top level, {@code entries} its entries cell's items (null if none). */
  static BacktestCache read(SexpMap m, List<Sexp> entries, int schema, Instant fileMtime)
      throws UndecodableException {
    Number count = m.number(COUNT).orElse(null);
    Number skipped = m.number(SKIPPED).orElse(null);
    if (count == null || skipped == null) {
      throw new UndecodableException("kept copy without its entry counts");
    }
    List<BacktestEntry> read = new ArrayList<>();
    BacktestCacheDecoder.Summary parser = new BacktestCacheDecoder.Summary();
    for (Sexp form : entries == null ? List.<Sexp>of() : entries) {
      BacktestEntry e = parser.entry(form);
      if (e == null) {
        throw new UndecodableException("kept copy with an unreadable entry");
      }
      read.add(e);
    }
    BacktestEntry newest = read.isEmpty() ? null : read.get(0);
    if (newest == null && fileMtime == null) {
      throw new UndecodableException("no readable entries and no file time");
    }
    Instant own = newest != null ? newest.timestamp() : fileMtime;
    Strategies best = new Strategies();
    read.stream().skip(1).forEach(best::add);
    return new BacktestCache(schema, own, newest == null, count.intValue(), skipped.intValue(),
        newest, best.top(BacktestCacheDecoder.TOP_KEPT));
  }

  private static Sexp entry(BacktestEntry e) {
    List<Sexp> result = new ArrayList<>();
    result.add(sym("result"));
    metric(result, "sharpe", e.sharpe());
    metric(result, "profit-factor", e.profitFactor());
    if (e.trades() != null) {
      result.add(Sexp.Sym.keyword("TRADES"));
      result.add(new Sexp.Int(e.trades()));
    }
    metric(result, "win-rate", e.winRate());
    metric(result, "max-dd", e.maxDrawdown());
    metric(result, "pnl", e.pnl());
    return new Sexp.Lst(List.of(
        pair("name", new Sexp.Str(e.name())),
        pair("timestamp", Sexp.Int.of(e.timestamp().getEpochSecond() + UNIVERSAL_TO_UNIX)),
        new Sexp.Lst(result)));
  }

  private static void metric(List<Sexp> plist, String key, Double value) {
    if (value != null) {
      plist.add(Sexp.Sym.keyword(key.toUpperCase(java.util.Locale.ROOT)));
      plist.add(Sexp.Real.ofDouble(value));
    }
  }

  private static Sexp pair(String key, Sexp value) {
    return new Sexp.Dotted(List.of(sym(key)), value);
  }

  private static Sexp.Sym sym(String name) {
    return new Sexp.Sym(null, name.toUpperCase(java.util.Locale.ROOT));
  }
}
