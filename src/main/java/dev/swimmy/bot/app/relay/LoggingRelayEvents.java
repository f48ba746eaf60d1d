package dev.swimmy.bot.app.relay;

import dev.swimmy.bot.core.relay.Alert;
import dev.swimmy.bot.core.relay.RelayEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Intake's events as error log lines, for tools and tests that run intake without the admin alerts. */
public final class LoggingRelayEvents implements RelayEvents {
  private static final Logger LOG = LoggerFactory.getLogger("swimmy.alerts");

  @Override
  public void event(Alert alert) {
    LOG.error("ALERT [{}] {}: {}", alert.key(), alert.title(), alert.detail());
  }
}
