package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import dev.swimmy.bot.core.status.Snapshot.RunKind;
import dev.swimmy.bot.core.status.Snapshot.Strategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Backtest runs grouped by strategy ({@link Strategy}): a run named {@code X_IS}, {@code X-OOS} or
 * {@code X_OOS} is a run of {@code X}. Strategies rank by their best run's sharpe (none lowest),
 * then by name, so that an unchanged cache always gives the same list.
 *
 * <p>Memory is bounded whatever the number of strategies: past {@code 2 × TRACKED} strategies
 * all but the best {@link #TRACKED} are dropped. The ranking stays exact as long as a strategy's
 * best sharpe only grows as its runs are read (true of the engine's cache, which holds each run
 * name once): a dropped strategy had {@link #TRACKED} better ones then, so it can only come back
 * among the best through a better run, which brings it back with that run. Such a strategy then
 * lacks the weaker runs read before it was dropped. A cache of up to {@code 2 × TRACKED}
 * strategies (today's 20,000-entry cache has fewer) is never pruned.
 */
final class Strategies {
  /** Strategies kept after a prune; about 400 bytes each. */
  static final int TRACKED = 16_384;

  private final Map<String, Strategy> byName = new HashMap<>();

  /** Adds a run; a run of the same kind already there is replaced when this one is not older. */
  void add(BacktestEntry run) {
    RunKind kind = RunKind.of(run.name());
    String name = kind == RunKind.FULL ? run.name()
        : run.name().substring(0, run.name().length() - kind.label().length() - 1);
    Strategy s = byName.get(name);
    BacktestEntry full = s == null ? null : s.full();
    BacktestEntry in = s == null ? null : s.inSample();
    BacktestEntry out = s == null ? null : s.outOfSample();
    switch (kind) {
      case FULL -> full = newer(full, run);
      case IN_SAMPLE -> in = newer(in, run);
      case OUT_OF_SAMPLE -> out = newer(out, run);
    }
    byName.put(name, new Strategy(name, full, in, out));
    if (byName.size() > 2 * TRACKED) {
      prune();
    }
  }

  /** How many strategies are held now; at most {@code 2 × TRACKED}. */
  int tracked() {
    return byName.size();
  }

  /**
   * Keeps the best {@link #TRACKED} strategies: those above the cut-off sharpe, then those at it by
   * name, as {@link #compare} ranks them. Sorting the sharpes as doubles keeps this cheap; it runs
   * once per {@link #TRACKED} strategies added. The others are removed in place, so the kept ones
   * are neither copied nor hashed again.
   */
  private void prune() {
    double[] sorted = new double[byName.size()];
    int i = 0;
    for (Strategy s : byName.values()) {
      sorted[i++] = sharpeOrLowest(s);
    }
    double[] sharpes = sorted.clone();
    Arrays.sort(sorted);
    double cut = sorted[sorted.length - TRACKED];
    List<Strategy> atCut = new ArrayList<>();
    i = 0;
    // A second pass over an unchanged map meets the strategies in the same order as the first.
    for (Iterator<Strategy> it = byName.values().iterator(); it.hasNext(); i++) {
      Strategy s = it.next();
      int c = Double.compare(sharpes[i], cut);
      if (c < 0) {
        it.remove();
      } else if (c == 0) {
        atCut.add(s);
      }
    }
    int above = byName.size() - atCut.size();
    atCut.sort((a, b) -> a.name().compareTo(b.name()));
    for (Strategy s : atCut.subList(TRACKED - above, atCut.size())) {
      byName.remove(s.name());
    }
  }

  /** The best {@code n} strategies, best first. */
  List<Strategy> top(int n) {
    PriorityQueue<Strategy> best = new PriorityQueue<>(n + 1, Strategies::compare);
    for (Strategy s : byName.values()) {
      if (!best.isEmpty() && best.size() == n && compare(s, best.peek()) < 0) {
        continue; // below the kept minimum: it would be added and polled straight out again
      }
      best.add(s);
      if (best.size() > n) {
        best.poll();
      }
    }
    List<Strategy> out = new ArrayList<>(best);
    out.sort((a, b) -> compare(b, a));
    return out;
  }

  private static BacktestEntry newer(BacktestEntry kept, BacktestEntry run) {
    return kept == null || !run.timestamp().isBefore(kept.timestamp()) ? run : kept;
  }

  /** Ascending by best sharpe (none lowest), then by name descending, so the best sort last. */
  private static int compare(Strategy a, Strategy b) {
    int c = Double.compare(sharpeOrLowest(a), sharpeOrLowest(b));
    return c != 0 ? c : b.name().compareTo(a.name());
  }

  private static double sharpeOrLowest(Strategy s) {
    Double best = s.bestSharpe();
    return best == null ? Double.NEGATIVE_INFINITY : best;
  }
}
