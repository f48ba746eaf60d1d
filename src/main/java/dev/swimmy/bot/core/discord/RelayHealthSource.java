package dev.swimmy.bot.core.discord;

/** Where {@code /notifier} and the admin alerts get the relay's health from. */
@FunctionalInterface
public interface RelayHealthSource {
  RelayHealth snapshot() throws Exception;
}
