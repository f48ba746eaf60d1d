package dev.swimmy.bot.core.relay;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing an operator must see from the relay: a condition the lanes raise and later clear
 * ({@link RelayAlerts}), or a one-off event from intake ({@link RelayEvents}).
 *
 * @param key stable identity: conditions are raised and cleared by it, and repeats of an event
 *     with the same key are announced once per quiet time
 * @param title a short headline
 * @param detail what happened, naming webhooks by id only, never with a token
 * @param at when the relay saw it (its clock)
 */
public record Alert(String key, String title, String detail, Instant at) {
  public Alert {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
  }
}
