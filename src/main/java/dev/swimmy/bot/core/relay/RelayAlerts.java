package dev.swimmy.bot.core.relay;

import java.time.Instant;

/**
 * Where the sender reports conditions an operator must see (a dead webhook, the invalid-request
 * budget spent, a latency SLO breach). A role of core's; the edges decide where alerts go (the
 * alerts webhook, an admin channel, the log). Each alert has a stable {@code key}: the sender raises
 * a key once per episode and clears it when the condition ends.
 */
public interface RelayAlerts {

  void raise(Alert alert);

  void clear(String key, String detail, Instant at);

  /** One operator alert. Text names webhooks by id only, never with a token. */
  record Alert(String key, String title, String detail, Instant at) {}
}
