package dev.swimmy.bot.core.relay;

import java.time.Instant;

/**
 * Where the sender reports conditions an operator must see (a dead webhook, the invalid-request
 * budget spent). A role of core's; the edges decide where alerts go (the alerts channel or
 * webhook, the log). Each alert has a stable {@code key}: the condition holds from {@code raise}
 * until {@code clear}; raising or clearing it again is harmless, since the admin alerts announce
 * one episode per key (and remember it across restarts).
 */
public interface RelayAlerts {

  void raise(Alert alert);

  void clear(String key, String detail, Instant at);

  /** One operator alert. Text names webhooks by id only, never with a token. */
  record Alert(String key, String title, String detail, Instant at) {}
}
