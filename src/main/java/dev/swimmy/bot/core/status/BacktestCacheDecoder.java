package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.sexp.ItemScanner;
import dev.swimmy.bot.core.sexp.Sexp;
import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.status.Snapshot.BacktestCache;
import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code data/backtest_cache.sexp}: its own time is the newest entry's {@code timestamp}, or the
 * file's mtime when there are no entries. Only a summary is kept: the entries are counted once,
 * grouped into strategies (a strategy's {@code _IS} / {@code -OOS} runs with it, see {@link
 * Strategies}) and the best {@link #TOP_KEPT} strategies by sharpe kept. An entry whose timestamp
 * is universal time 0 has no time and is skipped like one without a timestamp.
 *
 * <p>Entries are read straight from the tree rather than through {@link
 * dev.swimmy.bot.core.sexp.SexpView}: turning 20,000 entries into maps cost more than parsing the
 * file (see {@code docs/status-view.md}). {@link #split} takes the {@code entries} cell out of the
 * top level so that only the small rest goes through the generic map view; a {@link Summary} takes
 * the entries one at a time, from that cell or straight from the reader as they are read.
 */
final class BacktestCacheDecoder {
  static final int TOP_KEPT = 10;

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
    Summary summary = new Summary();
    if (entries != null) {
      entries.forEach(summary);
    }
    return summary.finish(schema, fileMtime);
  }

  /**
   * The entries seen so far: their count, the newest and the strategies. Keys are classified once
   * per key symbol (the reader hands out one symbol per repeated key), not once per entry.
   */
  static final class Summary implements Consumer<Sexp> {
    /** Enough for every key the engine writes; a file with more distinct keys just re-classifies. */
    private static final int MAX_KNOWN_KEYS = 256;

    private final Map<Sexp.Sym, Field> fields = new IdentityHashMap<>();
    private final Strategies strategies = new Strategies();
    private BacktestEntry newest;
    private int count;
    private int skipped;

    /** Entries read by {@link #scanner()} rather than from their tree; for tests. */
    private int scanned;

    @Override
    public void accept(Sexp form) {
      add(entry(form));
    }

    /**
     * Reads entries of the engine's shape straight from the reader's characters into this
     * summary (see {@link BacktestEntryScanner}); the reader hands any other entry to {@link
     * #accept}.
     */
    ItemScanner scanner() {
      return new BacktestEntryScanner(this);
    }

    int scanned() {
      return scanned;
    }

    /** An entry read by the scanner: as {@link #entry} would have made it, null if unusable. */
    void addScanned(BacktestEntry e) {
      scanned++;
      add(e);
    }

    private void add(BacktestEntry e) {
      count++;
      if (e == null) {
        skipped++;
        return;
      }
      if (newest == null || e.timestamp().isAfter(newest.timestamp())) {
        newest = e;
      }
      strategies.add(e);
    }

    BacktestCache finish(int schema, Instant fileMtime) throws UndecodableException {
      List<Snapshot.Strategy> best = strategies.top(TOP_KEPT);
      if (newest == null && fileMtime == null) {
        throw new UndecodableException("no readable entries and no file time");
      }
      Instant own = newest != null ? newest.timestamp() : fileMtime;
      return new BacktestCache(schema, own, newest == null, count, skipped, newest, best);
    }

    /** One {@code ((name . "..") (timestamp . UT) (result :sharpe x ...))}; null if unusable. */
    BacktestEntry entry(Sexp form) {
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
        switch (field(key)) {
          case NAME -> name = name != null ? name : string(value(cell));
          case TIMESTAMP -> ts = ts != null ? ts : universalTime(value(cell));
          case RESULT -> result = result != null ? result : rest(cell);
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
    private BacktestEntry withResult(String name, Instant ts, List<Sexp> plist) {
      Double sharpe = null, pf = null, win = null, dd = null, pnl = null;
      BigInteger trades = null;
      for (int i = 0; i + 1 < plist.size(); i += 2) {
        if (!(plist.get(i) instanceof Sexp.Sym k) || !k.isKeyword()) {
          break;
        }
        Sexp v = plist.get(i + 1);
        switch (field(k)) {
          case SHARPE -> sharpe = sharpe != null ? sharpe : real(v);
          case PROFIT_FACTOR -> pf = pf != null ? pf : real(v);
          case TRADES -> trades = trades != null ? trades : integer(v);
          case WIN_RATE -> win = win != null ? win : real(v);
          case MAX_DD -> dd = dd != null ? dd : real(v);
          case PNL -> pnl = pnl != null ? pnl : real(v);
          default -> { }
        }
      }
      return new BacktestEntry(name, ts, sharpe, pf, trades, win, dd, pnl);
    }

    Field field(Sexp.Sym key) {
      Field f = fields.get(key);
      if (f == null) {
        if (fields.size() >= MAX_KNOWN_KEYS) {
          fields.clear();
        }
        f = Field.of(norm(key));
        fields.put(key, f);
      }
      return f;
    }
  }

  /** The keys an entry and its result may have, by normal form; the package is not looked at. */
  enum Field {
    NAME, TIMESTAMP, RESULT, SHARPE, PROFIT_FACTOR, TRADES, WIN_RATE, MAX_DD, PNL, OTHER;

    static Field of(String normalized) {
      return switch (normalized) {
        case "name" -> NAME;
        case "timestamp" -> TIMESTAMP;
        case "result" -> RESULT;
        case "sharpe" -> SHARPE;
        case "profit-factor" -> PROFIT_FACTOR;
        case "trades" -> TRADES;
        case "win-rate" -> WIN_RATE;
        case "max-dd" -> MAX_DD;
        case "pnl" -> PNL;
        default -> OTHER;
      };
    }
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

  static BigInteger integer(Sexp v) {
    return v instanceof Sexp.Int i ? i.value() : null;
  }

  /** A universal time other than 0 ("none yet" is not a time for an entry). */
  static Long universalTime(Sexp v) {
    return v instanceof Sexp.Int i && i.value().bitLength() < 64 && i.value().signum() != 0
        ? i.value().longValue() : null;
  }

  static Double real(Sexp v) {
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
