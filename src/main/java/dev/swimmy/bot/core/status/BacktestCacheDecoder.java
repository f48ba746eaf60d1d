package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.sexp.Sexp;
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
 * file's mtime when there are no entries. Only a summary is kept: the entries are counted once and
 * the best {@link #TOP_KEPT} by sharpe kept in a bounded heap.
 *
 * <p>Entries are read straight from the tree rather than through {@link
 * dev.swimmy.bot.core.sexp.SexpView}: turning 20,000 entries into maps cost more than parsing the
 * file (see the README's figures). {@link #split} takes the {@code entries} cell out of the top
 * level so that only the small rest goes through the generic map view.
 */
final class BacktestCacheDecoder {
  static final int TOP_KEPT = 10;
  private static final Comparator<BacktestEntry> BY_SHARPE =
      Comparator.comparing((BacktestEntry e) -> e.sharpe() == null ? Double.NEGATIVE_INFINITY : e.sharpe())
          .thenComparing(BacktestEntry::name, Comparator.reverseOrder());

  private BacktestCacheDecoder() {}

  /** The top level with its first {@code (entries ...)} cell emptied, and that cell's entries. */
  record Split(Sexp head, List<Sexp> entries) {}

  static Split split(Sexp tree) {
    if (!(tree instanceof Sexp.Lst top)) {
      return new Split(tree, null);
    }
    List<Sexp> items = top.items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Sexp.Lst cell && !cell.isNil()
          && cell.items().get(0) instanceof Sexp.Sym key && "entries".equals(norm(key))) {
        List<Sexp> head = new ArrayList<>(items);
        head.set(i, new Sexp.Lst(List.of(key)));
        return new Split(new Sexp.Lst(head), cell.items().subList(1, cell.items().size()));
      }
    }
    return new Split(tree, null);
  }

  /** {@code entries} null: the file had no list-valued entries cell (absent, nil or a value). */
  static BacktestCache decode(SexpMap m, List<Sexp> entries, int schema, Instant fileMtime)
      throws UndecodableException {
    if (entries == null && m.get("entries") != null) {
      throw new UndecodableException("entries is not a list");
    }
    List<Sexp> forms = entries == null ? List.of() : entries;
    PriorityQueue<BacktestEntry> top = new PriorityQueue<>(TOP_KEPT + 1, BY_SHARPE);
    BacktestEntry newest = null;
    int skipped = 0;
    for (Sexp form : forms) {
      BacktestEntry e = entry(form);
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
    return new BacktestCache(schema, own, newest == null, forms.size(), skipped, newest, best);
  }

  /** One {@code ((name . "..") (timestamp . UT) (result :sharpe x ...))}; null if unusable. */
  private static BacktestEntry entry(Sexp form) {
    if (!(form instanceof Sexp.Lst l)) {
      return null;
    }
    String name = null;
    Long ts = null;
    List<Sexp> result = null;
    for (Sexp cell : l.items()) {
      Sexp.Sym key = key(cell);
      if (key == null) {
        return null; // not an alist
      }
      switch (norm(key)) {
        case "name" -> name = name != null ? name : string(value(cell));
        case "timestamp" -> ts = ts != null ? ts : integer(value(cell));
        case "result" -> result = result != null ? result : rest(cell);
        default -> { }
      }
    }
    if (name == null || ts == null) {
      return null;
    }
    return result == null
        ? new BacktestEntry(name, Values.fromUniversal(ts), null, null, null, null, null, null)
        : withResult(name, Values.fromUniversal(ts), result);
  }

  /** The keyword plist {@code :sharpe 1.4 :profit-factor 2.0 ...}; first occurrence wins. */
  private static BacktestEntry withResult(String name, Instant ts, List<Sexp> plist) {
    Double sharpe = null, pf = null, win = null, dd = null, pnl = null;
    Long trades = null;
    for (int i = 0; i + 1 < plist.size(); i += 2) {
      if (!(plist.get(i) instanceof Sexp.Sym k) || !k.isKeyword()) {
        break;
      }
      Sexp v = plist.get(i + 1);
      switch (norm(k)) {
        case "sharpe" -> sharpe = sharpe != null ? sharpe : real(v);
        case "profit-factor" -> pf = pf != null ? pf : real(v);
        case "trades" -> trades = trades != null ? trades : integer(v);
        case "win-rate" -> win = win != null ? win : real(v);
        case "max-dd" -> dd = dd != null ? dd : real(v);
        case "pnl" -> pnl = pnl != null ? pnl : real(v);
        default -> { }
      }
    }
    return new BacktestEntry(name, ts, sharpe, pf, trades, win, dd, pnl);
  }

  private static Sexp.Sym key(Sexp cell) {
    List<Sexp> items = cell instanceof Sexp.Lst l ? l.items()
        : cell instanceof Sexp.Dotted d ? d.items() : List.of();
    return !items.isEmpty() && items.get(0) instanceof Sexp.Sym s ? s : null;
  }

  /** {@code (k . v)} gives v; {@code (k v)} gives v; anything else null. */
  private static Sexp value(Sexp cell) {
    if (cell instanceof Sexp.Dotted d) {
      return d.items().size() == 1 ? d.tail() : null;
    }
    List<Sexp> items = ((Sexp.Lst) cell).items();
    return items.size() == 2 ? items.get(1) : null;
  }

  private static List<Sexp> rest(Sexp cell) {
    return cell instanceof Sexp.Lst l ? l.items().subList(1, l.items().size()) : null;
  }

  private static String string(Sexp v) {
    return v instanceof Sexp.Str s ? s.value() : null;
  }

  private static Long integer(Sexp v) {
    return v instanceof Sexp.Int i && i.value().bitLength() < 64 ? i.value().longValue() : null;
  }

  private static Double real(Sexp v) {
    if (v instanceof Sexp.Real r) {
      return r.value();
    }
    if (v instanceof Sexp.Int i) {
      return i.value().doubleValue();
    }
    return v instanceof Sexp.Ratio r ? r.toDouble() : null;
  }

  private static String norm(Sexp.Sym key) {
    return SexpMap.normalize(key.name());
  }
}
