package dev.swimmy.bot.core.history;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the charts read from the history (the SQLite store in production, a list in tests). Every
 * method answers from what has been written so far, in time order, and may be called from any
 * thread.
 */
public interface HistoryReader {

  /** The live-status versions whose own time lies in {@code within}. */
  List<StatusVersion> versions(Interval within);

  /**
   * The live-status source's recorded state changes in {@code within}, preceded by the last one
   * before it (the state the window opened in), if any.
   */
  List<SourceChange> sourceChanges(Interval within);

  /** The relay minutes starting in {@code within}. */
  List<RelayMinute> relayMinutes(Interval within);

  /**
   * A number that changes after every write or prune that may change what the other methods
   * answer, so a reader may keep what it computed from them while the number stays the same (it
   * must read the number before it reads the rows). Negative when the store keeps no such number;
   * then nothing read from it may be kept.
   */
  default long version() {
    return -1;
  }

  /** A figure of the live status that a chart draws over time. */
  enum Figure {
    /** Today's PnL, in yen. */
    DAILY_PNL(StatusVersion::dailyPnl),
    /** The accumulated PnL, in yen. */
    ACCUMULATED_PNL(StatusVersion::accumulatedPnl),
    /** The monthly goal, in yen. */
    MONTHLY_GOAL(StatusVersion::monthlyGoal);

    private final Function<StatusVersion, Double> of;

    Figure(Function<StatusVersion, Double> of) {
      this.of = of;
    }

    /** This figure of {@code v}; null when the version does not have it. */
    public Double of(StatusVersion v) {
      return of.apply(v);
    }
  }

  /**
   * One figure of the versions in {@code within}, in time order, leaving out versions without
   * it. A store may answer this without reading whole versions (a month is 43,200 of them).
   */
  default List<Point> figure(Interval within, Figure figure) {
    return versions(within).stream().filter(v -> figure.of(v) != null)
        .map(v -> new Point(v.at(), figure.of(v))).toList();
  }

  /** The figure of the newest version in {@code within} that has it. */
  default Optional<Double> latest(Interval within, Figure figure) {
    List<Point> all = figure(within, figure);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).value());
  }
}
