package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.relay.Alert;
import dev.swimmy.bot.core.relay.RelayEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every alert raised, for assertions. */
public final class RecordingRelayEvents implements RelayEvents {
  private final List<Alert> alerts = new CopyOnWriteArrayList<>();

  @Override
  public void event(Alert alert) {
    alerts.add(alert);
  }

  public List<Alert> alerts() {
    return List.copyOf(alerts);
  }
}
