package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.core.status.Values.dbl;
import static dev.swimmy.bot.core.status.Values.lng;
import static dev.swimmy.bot.core.status.Values.str;

import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.status.Snapshot.BacktestCache;
import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code data/backtest_cache.sexp}: its own time is the newest entry's {@code timestamp}, or the
 * file's mtime when there are no entries. Only a summary is kept: 20,000 entries are counted once
 * and the best {@link #TOP_KEPT} by sharpe kept in a bounded heap.
 */
final class BacktestCacheDecoder {
  static final int TOP_KEPT = 10;
  private static final Comparator<BacktestEntry> BY_SHARPE =
      Comparator.comparing((BacktestEntry e) -> e.sharpe() == null ? Double.NEGATIVE_INFINITY : e.sharpe())
          .thenComparing(BacktestEntry::name, Comparator.reverseOrder());

  private BacktestCacheDecoder() {}

  static BacktestCache decode(SexpMap m, int schema, Instant fileMtime) throws UndecodableException {
    Object raw = m.get("entries");
    if (raw != null && !(raw instanceof List<?>)) {
      throw new UndecodableException("entries is not a list");
    }
    List<?> entries = raw == null ? List.of() : (List<?>) raw;
    PriorityQueue<BacktestEntry> top = new PriorityQueue<>(TOP_KEPT + 1, BY_SHARPE);
    BacktestEntry newest = null;
    int skipped = 0;
    for (Object item : entries) {
      BacktestEntry e = item instanceof SexpMap em ? entry(em) : null;
      if (e == null) {
        skipped++;
        continue;
      }
      if (newest == null || e.timestamp().isAfter(newest.timestamp())) {
        newest = e;
      }
      top.add(e);
      if (top.size() > TOP_KEPT) {
        top.poll();
      }
    }
    List<BacktestEntry> best = new ArrayList<>(top);
    best.sort(BY_SHARPE.reversed());
    if (newest == null && fileMtime == null) {
      throw new UndecodableException("no readable entries and no file time");
    }
    Instant own = newest != null ? newest.timestamp() : fileMtime;
    return new BacktestCache(schema, own, newest == null, entries.size(), skipped, newest, best);
  }

  private static BacktestEntry entry(SexpMap e) {
    String name = str(e, "name");
    Instant ts = Values.universalTime(e, "timestamp");
    if (name == null || ts == null) {
      return null;
    }
    SexpMap r = e.map("result").orElse(null);
    if (r == null) {
      return new BacktestEntry(name, ts, null, null, null, null, null, null);
    }
    return new BacktestEntry(
        name, ts, dbl(r, "sharpe"), dbl(r, "profit-factor"), lng(r, "trades"),
        dbl(r, "win-rate"), dbl(r, "max-dd"), dbl(r, "pnl"));
  }
}
