package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.history.HistoryReader;
import dev.swimmy.bot.core.history.Interval;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.SourceChange;
import dev.swimmy.bot.core.history.StatusVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A history in lists, answering as the SQLite store does (time order, last change before). */
public final class InMemoryHistory implements HistoryReader {
  private final List<StatusVersion> versions = new ArrayList<>();
  private final List<SourceChange> changes = new ArrayList<>();
  private final List<RelayMinute> minutes = new ArrayList<>();

  public synchronized InMemoryHistory add(StatusVersion v) {
    versions.add(v);
    return this;
  }

  public synchronized InMemoryHistory add(SourceChange c) {
    changes.add(c);
    return this;
  }

  public synchronized InMemoryHistory add(RelayMinute m) {
    minutes.add(m);
    return this;
  }

  @Override
  public synchronized List<StatusVersion> versions(Interval within) {
    return versions.stream().filter(v -> within.contains(v.at()))
        .sorted(Comparator.comparing(StatusVersion::at)).toList();
  }

  @Override
  public synchronized List<SourceChange> sourceChanges(Interval within) {
    List<SourceChange> sorted = changes.stream().sorted(Comparator.comparing(SourceChange::at)).toList();
    List<SourceChange> out = new ArrayList<>();
    SourceChange before = null;
    for (SourceChange c : sorted) {
      if (c.at().isBefore(within.from())) {
        before = c;
      } else if (c.at().isBefore(within.to())) {
        out.add(c);
      }
    }
    if (before != null) {
      out.add(0, before);
    }
    return out;
  }

  @Override
  public synchronized List<RelayMinute> relayMinutes(Interval within) {
    return minutes.stream().filter(m -> within.contains(m.minute()))
        .sorted(Comparator.comparing(RelayMinute::minute)).toList();
  }
}
