package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.AlertSink;
import dev.swimmy.bot.core.discord.embed.Message;
import java.util.List;

/** Tries each sink in order: the bot's alerts channel first, then the alerts webhook. */
public final class AlertRoute implements AlertSink {
  private final List<AlertSink> sinks;

  public AlertRoute(List<AlertSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  @Override
  public boolean post(Message alert) {
    for (AlertSink s : sinks) {
      if (s.post(alert)) {
        return true;
      }
    }
    return false;
  }
}
