package dev.swimmy.bot.core.relay;

import java.time.Instant;

/**
 * Where the lanes report conditions an operator must see (a dead webhook, the invalid-request
 * budget spent). A role of core's; the edges decide where alerts go (the alerts channel or
 * webhook, the log). Each alert has a stable {@code key}: the condition holds from {@code raise}
 * until {@code clear}; raising or clearing it again is harmless, since the admin alerts announce
 * one episode per key (and remember it across restarts).
 */
public interface RelayAlerts {

  /** The condition {@code alert.key()} holds from now on; raising it again is harmless. */
  void raise(Alert alert);

  /** The condition {@code key} no longer holds ({@code detail} says why); a clear of a key not raised is harmless. */
  void clear(String key, String detail, Instant at);
}
