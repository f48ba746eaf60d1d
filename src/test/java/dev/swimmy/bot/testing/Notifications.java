package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.WebhookAddress;
import java.time.Instant;
import java.util.Optional;

/** Accepted notifications for tests, and the envelope text that makes them. */
public final class Notifications {
  private Notifications() {}

  public static WebhookAddress webhook(String id) {
    return WebhookAddress.parse("https://discord.com/api/webhooks/" + id + "/tok-" + id + "-SECRET").orElseThrow();
  }

  public static Notification to(String webhookId, String content, Instant at) {
    return new Notification(webhook(webhookId), "{\"content\":\"" + content + "\"}", Optional.empty(), Optional.empty(), at);
  }

  public static Notification withId(String webhookId, String engineId, String content, Instant at) {
    return new Notification(webhook(webhookId), "{\"content\":\"" + content + "\"}", Optional.of(engineId), Optional.empty(), at);
  }

  /** An S-expression envelope as the engine writes it, with an engine id. */
  public static String envelope(String webhookId, String engineId, String content) {
    return "((type . \"NOTIFIER\") (schema_version . 1) (action . \"SEND\") (id . \"" + engineId + "\")"
        + " (webhook . \"https://discord.com/api/webhooks/" + webhookId + "/tok-" + webhookId + "-SECRET\")"
        + " (payload (content . \"" + content + "\")))";
  }
}
