package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.AlertDestination;

/**
 * The Discord bot as the daemon sees it: slash commands, the status panel and the alerts channel
 * over one gateway connection. {@link #start()} returns at once and never throws: a rejected
 * token or an unreachable Discord is logged, and the rest of the daemon keeps running.
 */
public interface DiscordBot extends AutoCloseable {
  void start();

  /** Stops the panel, the command pool and the gateway connection; waits a few seconds at most. */
  void stop();

  /** Whether the gateway connection is up right now. */
  boolean isConnected();

  /** Asks the panel to re-render now, e.g. because a source changed state. */
  void refreshPanel();

  /** The alerts channel through the bot; declines while not connected or with no channel set. */
  AlertDestination alertsChannel();

  @Override
  default void close() {
    stop();
  }
}
