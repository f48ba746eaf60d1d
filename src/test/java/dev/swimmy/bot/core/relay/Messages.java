package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.core.Secret;
import java.time.Instant;

/** Plain spooled messages for core tests. */
final class Messages {
  static final WebhookAddress HOOK = new WebhookAddress("111", new Secret("tok"));
  static final Instant T0 = Instant.parse("2026-02-04T00:00:00Z");

  private Messages() {}

  static SpooledMessage message(long id, String payload, Instant createdAt) {
    return new SpooledMessage(id, HOOK, payload, createdAt, createdAt, 0);
  }

  static SpooledMessage embed(long id, String title) {
    return message(id, "{\"embeds\":[{\"title\":\"" + title + "\",\"description\":\"d\"}]}", T0.plusSeconds(id));
  }

  static String repeat(char c, int n) {
    return String.valueOf(c).repeat(n);
  }
}
