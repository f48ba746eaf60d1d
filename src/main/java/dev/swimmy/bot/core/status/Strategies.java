package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import dev.swimmy.bot.core.status.Snapshot.RunKind;
import dev.swimmy.bot.core.status.Snapshot.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Backtest runs grouped by strategy ({@link Strategy}): a run named {@code X_IS}, {@code X-OOS} or
 * {@code X_OOS} is a run of {@code X}. Strategies rank by their best run's sharpe (none lowest),
 * then by name, so that an unchanged cache always gives the same list.
 */
final class Strategies {
  private final Map<String, Strategy> byName = new HashMap<>();

  /** Adds a run; a run of the same kind already there is replaced when this one is not older. */
  void add(BacktestEntry run) {
    String name = RunKind.strategyName(run.name());
    Strategy s = byName.get(name);
    BacktestEntry full = s == null ? null : s.full();
    BacktestEntry in = s == null ? null : s.inSample();
    BacktestEntry out = s == null ? null : s.outOfSample();
    switch (RunKind.of(run.name())) {
      case FULL -> full = newer(full, run);
      case IN_SAMPLE -> in = newer(in, run);
      case OUT_OF_SAMPLE -> out = newer(out, run);
    }
    byName.put(name, new Strategy(name, full, in, out));
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
