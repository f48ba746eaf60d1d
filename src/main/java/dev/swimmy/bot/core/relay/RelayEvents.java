package dev.swimmy.bot.core.relay;

/**
 * Where the relay reports one-off events an operator must see (intake rebuilt): events, not
 * conditions, so there is no clear. The admin alerts announce one per key and then drop repeats
 * for a while (the event kind's quiet time); {@code LoggingRelayEvents} stands in for tests and tools.
 * Implementations must not block the caller for long: intake calls it from its own thread.
 */
@FunctionalInterface
public interface RelayEvents {

  /** Reports one event; its key de-duplicates repeats. Never blocks the caller for long. */
  void event(Alert alert);
}
