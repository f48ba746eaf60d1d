package dev.swimmy.bot.core.discord;

/** Where {@code /notifier} and the admin alerts get the relay's health from. */
@FunctionalInterface
public interface RelayHealthSource {
  /**
   * The relay's health now.
   *
   * @throws Exception if it cannot be read (the spool failing, for one)
   */
  RelayHealth snapshot() throws Exception;
}
