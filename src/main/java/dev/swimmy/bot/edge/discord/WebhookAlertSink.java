package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.AlertDestination;
import dev.swimmy.bot.core.render.DiscordJson;
import dev.swimmy.bot.core.render.DiscordLimits;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.relay.WebhookAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts straight to {@code discord.alerts-webhook}, used when the bot is off or not
 * connected. It bypasses the relay's spool on purpose: one of the alerts it carries is "spool
 * writes failing". Logs name the webhook by id only.
 */
public final class WebhookAlertSink implements AlertDestination {
  private static final Logger log = LoggerFactory.getLogger(WebhookAlertSink.class);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI apiBase;
  private final WebhookAddress webhook;

  public WebhookAlertSink(URI apiBase, WebhookAddress webhook) {
    this.apiBase = apiBase;
    this.webhook = webhook;
  }

  @Override
  public boolean post(Message alert) {
    String base = apiBase.toString().replaceAll("/+$", "");
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + webhook.path() + "?wait=true"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(alert)))
        .build();
    try {
      int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        return true;
      }
      log.warn("alerts {} answered HTTP {}", webhook, status);
    } catch (IOException e) {
      log.warn("alerts {} unreachable: {}", webhook, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** Discord's JSON message body for {@code alert}, inside Discord's limits. */
  static String body(Message alert) {
    return DiscordJson.toNode(DiscordLimits.fit(alert)).toString();
  }
}
