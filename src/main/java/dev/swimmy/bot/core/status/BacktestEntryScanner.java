package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.sexp.ItemScanner;
import dev.swimmy.bot.core.sexp.ScanText;
import dev.swimmy.bot.core.sexp.Sexp;
import dev.swimmy.bot.core.status.BacktestCacheDecoder.Field;
import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import java.math.BigInteger;

/**
 * Reads one backtest entry of the engine's shape, {@code ((name . "..") (timestamp . UT) (result
 * :sharpe x ...))}, straight from the reader's characters into a {@link
 * BacktestCacheDecoder.Summary}, without building its tree. Only what the view shows is read as a
 * value (the name, the time and the six metrics); every other cell and plist value (the engine's
 * {@code :adjusted-sharpe}, {@code :sharpe-ci-lower}, {@code :request-id}, anything a later engine
 * adds) is stepped over, its syntax checked but no number parsed and no string made.
 *
 * <p>It gives the entry {@link BacktestCacheDecoder.Summary#entry} would make of the tree, with
 * the same rules (first occurrence of a key wins, a plist stops at its first key that is not a
 * keyword, a timestamp of 0 is none). Whatever it cannot vouch for it declines, and the reader
 * reads that entry as a tree: a cell that is not keyed by a symbol, a dotted entry or result,
 * comments, escaped tokens, other {@code #} syntax, deep nesting, an entry that runs past the
 * reader's window (longer than about 4 KiB), and any syntax error, which the reader then reports
 * with its line and column. So the results are those of the tree in every case.
 */
final class BacktestEntryScanner implements ItemScanner {
  /** Lists a skipped value may open; deeper ones are declined. */
  private static final int LEVELS = 8;

  private final BacktestCacheDecoder.Summary summary;

  // The entry being read; reset for each, committed only once it is read whole.
  private String name;
  private Long timestamp;
  private boolean resultSeen;
  private Double sharpe;
  private Double profitFactor;
  private BigInteger trades;
  private Double winRate;
  private Double maxDrawdown;
  private Double pnl;
  /** The value of the cell being read, kept only if the cell turns out to hold one value. */
  private Object candidate;

  BacktestEntryScanner(BacktestCacheDecoder.Summary summary) {
    this.summary = summary;
  }

  @Override
  public int scan(ScanText t, int from) {
    if (t.room() < LEVELS + 4) {
      return DECLINE;
    }
    reset();
    int i = t.blanks(from + 1);
    if (i < 0 || t.at(i) == ')') {
      return DECLINE; // () is nil, not an alist
    }
    while (i >= 0 && t.at(i) != ')') {
      i = t.at(i) == '(' ? cell(t, i) : DECLINE;
      i = i < 0 ? DECLINE : t.blanks(i);
    }
    if (i < 0) {
      return DECLINE;
    }
    summary.addScanned(entry());
    return i + 1;
  }

  private void reset() {
    name = null;
    timestamp = null;
    resultSeen = false;
    sharpe = profitFactor = winRate = maxDrawdown = pnl = null;
    trades = null;
  }

  private BacktestEntry entry() {
    if (name == null || timestamp == null) {
      return null;
    }
    return new BacktestEntry(name, Values.fromUniversal(timestamp), sharpe, profitFactor, trades,
        winRate, maxDrawdown, pnl);
  }

  /** One {@code (key . value)} or {@code (key item...)} cell at {@code i}; the index after it. */
  private int cell(ScanText t, int i) {
    int k = t.blanks(i + 1);
    int keyEnd = k < 0 ? DECLINE : t.tokenEnd(k);
    if (keyEnd < 0 || !(t.atom(k, keyEnd) instanceof Sexp.Sym key)) {
      return DECLINE;
    }
    Field field = summary.field(key);
    int j = t.blanks(keyEnd);
    if (j < 0) {
      return DECLINE;
    }
    if (field == Field.RESULT && !resultSeen) {
      resultSeen = true;
      return result(t, j);
    }
    candidate = null;
    if (t.isDot(j)) {
      j = t.blanks(j + 1);
      if (j < 0 || t.at(j) == '(') {
        return DECLINE; // a list after the dot splices into the cell
      }
      j = value(t, j, field);
      j = j < 0 ? DECLINE : t.blanks(j);
      if (j < 0 || t.at(j) != ')') {
        return DECLINE;
      }
      keep(field);
      return j + 1;
    }
    int items = 0;
    while (j >= 0 && t.at(j) != ')') {
      j = t.isDot(j) ? DECLINE : items == 0 ? value(t, j, field) : t.skip(j, LEVELS);
      j = j < 0 ? DECLINE : t.blanks(j);
      items++;
    }
    if (j < 0) {
      return DECLINE;
    }
    if (items == 1) {
      keep(field);
    }
    return j + 1;
  }

  /** The first occurrence of the name and of the time wins, as in the tree. */
  private void keep(Field field) {
    if (field == Field.NAME && name == null) {
      name = (String) candidate;
    } else if (field == Field.TIMESTAMP && timestamp == null) {
      timestamp = (Long) candidate;
    }
  }

  /** A cell's value at {@code j}: read into {@link #candidate} for the name and time, else skipped. */
  private int value(ScanText t, int j, Field field) {
    if (field == Field.NAME && (t.at(j) == '"' || t.at(j) == '#')) {
      candidate = t.string(j);
      return candidate == null ? DECLINE : t.after();
    }
    if (field == Field.TIMESTAMP) {
      int end = t.tokenEnd(j);
      if (end > 0) {
        Sexp v = t.atom(j, end);
        candidate = v == null ? null : BacktestCacheDecoder.universalTime(v);
        return v == null ? DECLINE : end;
      }
    }
    return t.skip(j, LEVELS);
  }

  /** The items of the first {@code (result :k v ...)} from {@code j}; the index after it. */
  private int result(ScanText t, int j) {
    boolean stopped = false;
    while (j >= 0 && t.at(j) != ')') {
      if (t.isDot(j)) {
        return DECLINE;
      }
      if (stopped) {
        j = t.skip(j, LEVELS);
      } else {
        int end = t.tokenEnd(j);
        Sexp k = end > 0 ? t.atom(j, end) : null;
        if (end > 0 && k == null) {
          return DECLINE;
        }
        if (k instanceof Sexp.Sym key && key.isKeyword()) {
          j = t.blanks(end);
          if (j < 0 || t.at(j) == ')') {
            break; // a key without a value is ignored
          }
          j = t.isDot(j) ? DECLINE : metric(t, j, summary.field(key));
        } else {
          stopped = true; // the plist ends at a key that is not a keyword
          j = end > 0 ? end : t.skip(j, LEVELS);
        }
      }
      j = j < 0 ? DECLINE : t.blanks(j);
    }
    return j < 0 ? DECLINE : j + 1;
  }

  /** One plist value at {@code j}: a shown metric not seen yet is read, anything else skipped. */
  private int metric(ScanText t, int j, Field field) {
    boolean wanted = switch (field) {
      case SHARPE -> sharpe == null;
      case PROFIT_FACTOR -> profitFactor == null;
      case TRADES -> trades == null;
      case WIN_RATE -> winRate == null;
      case MAX_DD -> maxDrawdown == null;
      case PNL -> pnl == null;
      default -> false;
    };
    int end = wanted ? t.tokenEnd(j) : DECLINE;
    if (end < 0) {
      return t.skip(j, LEVELS); // not wanted, or not an atom: no number, as in the tree
    }
    Sexp v = t.atom(j, end);
    if (v == null) {
      return DECLINE;
    }
    switch (field) {
      case SHARPE -> sharpe = BacktestCacheDecoder.real(v);
      case PROFIT_FACTOR -> profitFactor = BacktestCacheDecoder.real(v);
      case TRADES -> trades = BacktestCacheDecoder.integer(v);
      case WIN_RATE -> winRate = BacktestCacheDecoder.real(v);
      case MAX_DD -> maxDrawdown = BacktestCacheDecoder.real(v);
      case PNL -> pnl = BacktestCacheDecoder.real(v);
      default -> { }
    }
    return end;
  }
}
