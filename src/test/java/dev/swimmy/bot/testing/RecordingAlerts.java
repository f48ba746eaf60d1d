package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.relay.Alert;
import dev.swimmy.bot.core.relay.RelayAlerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every alert raised and cleared, in order. */
public final class RecordingAlerts implements RelayAlerts {
  private final List<Alert> raised = new ArrayList<>();
  private final List<String> cleared = new ArrayList<>();

  @Override
  public synchronized void raise(Alert alert) {
    raised.add(alert);
  }

  @Override
  public synchronized void clear(String key, String detail, Instant at) {
    cleared.add(key);
  }

  public synchronized List<Alert> raised() {
    return List.copyOf(raised);
  }

  public synchronized List<String> cleared() {
    return List.copyOf(cleared);
  }
}
