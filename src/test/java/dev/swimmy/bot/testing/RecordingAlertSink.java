package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.relay.AlertSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every alert raised, for assertions. */
public final class RecordingAlertSink implements AlertSink {
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();

  @Override
  public void raise(Alert alert) {
    alerts.add(alert);
  }

  public List<Alert> alerts() {
    return List.copyOf(alerts);
  }
}
