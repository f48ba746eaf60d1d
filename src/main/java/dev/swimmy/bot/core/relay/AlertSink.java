package dev.swimmy.bot.core.relay;

/**
 * Where the relay raises admin alerts (intake rebuilt, spool unavailable, dead webhook). The
 * Discord implementation posts to the admin channel; until it exists a logging one stands in.
 * Implementations must not block the caller for long: intake calls it from its own thread.
 */
public interface AlertSink {
  void raise(Alert alert);

  /** One alert: a stable key (for de-duplicating repeats), a title and a detail without secrets. */
  record Alert(String key, String title, String detail) {}
}
