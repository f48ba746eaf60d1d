package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.AlertDestination;
import dev.swimmy.bot.core.render.Message;
import java.util.List;

/** Tries each sink in order: the bot's alerts channel first, then the alerts webhook. */
public final class AlertRoute implements AlertDestination {
  private final List<AlertDestination> sinks;

  public AlertRoute(List<AlertDestination> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  @Override
  public boolean post(Message alert) {
    for (AlertDestination s : sinks) {
      if (s.post(alert)) {
        return true;
      }
    }
    return false;
  }
}
