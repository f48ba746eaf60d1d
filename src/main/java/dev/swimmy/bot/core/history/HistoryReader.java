package dev.swimmy.bot.core.history;

import java.util.List;

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
}
