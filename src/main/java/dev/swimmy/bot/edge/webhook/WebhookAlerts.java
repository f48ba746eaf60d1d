package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.RelayAlerts;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.WebhookAddress;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator alerts posted to {@code discord.alerts-webhook} through the same path as every
 * notification: committed to the spool, then delivered by that webhook's lane with its retries and
 * rate limits. Every alert is logged too. An alert about the alerts webhook itself is only logged,
 * since it could not be delivered. {@code wake} is the sender's {@code wake()}, so alerts go out
 * without waiting for the next poll.
 */
public final class WebhookAlerts implements RelayAlerts {
  private static final Logger log = LoggerFactory.getLogger(WebhookAlerts.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RED = 0xE74C3C;
  private static final int GREEN = 0x2ECC71;

  private final Spool spool;
  private final WebhookAddress alertsWebhook;
  private final Runnable wake;

  public WebhookAlerts(Spool spool, WebhookAddress alertsWebhook, Runnable wake) {
    this.spool = spool;
    this.alertsWebhook = alertsWebhook;
    this.wake = wake;
  }

  @Override
  public void raise(Alert alert) {
    log.warn("ALERT {}: {} — {}", alert.key(), alert.title(), alert.detail());
    post(alert.key(), "⚠️ " + alert.title(), alert.detail(), RED, alert.at());
  }

  @Override
  public void clear(String key, String detail, Instant at) {
    log.info("alert {} cleared: {}", key, detail);
    post(key, "✅ Resolved: " + key, detail, GREEN, at);
  }

  private void post(String key, String title, String detail, int color, Instant at) {
    if (key.equals("dead-webhook:" + alertsWebhook.id())) {
      return; // the alerts webhook itself is dead: the log line above is all we can do
    }
    ObjectNode root = JSON.createObjectNode();
    ObjectNode embed = root.putArray("embeds").addObject();
    embed.put("title", title).put("description", detail).put("color", color).put("timestamp", at.toString());
    embed.putObject("footer").put("text", "swimmy relay · " + key);
    try {
      spool.commit(List.of(new Notification(alertsWebhook, root.toString(), Optional.empty(), Optional.empty(), at)), at);
      wake.run();
    } catch (SpoolUnavailableException e) {
      log.error("could not queue alert {}: {}", key, e.getMessage());
    }
  }
}
