package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.AlertDestination;
import dev.swimmy.bot.core.render.Message;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to the alerts channel over the bot's own connection, so an alert about a broken
 * webhook never depends on a webhook. Declines (returns false) whenever the bot is not connected
 * or cannot see the channel, letting {@link AlertRoute} fall back.
 */
final class ChannelAlertSink implements AlertDestination {
  private static final Logger log = LoggerFactory.getLogger(ChannelAlertSink.class);
  private final Supplier<JDA> jda;
  private final long channelId;

  ChannelAlertSink(Supplier<JDA> jda, long channelId) {
    this.jda = jda;
    this.channelId = channelId;
  }

  @Override
  public boolean post(Message alert) {
    JDA j = jda.get();
    if (j == null || j.getStatus() != JDA.Status.CONNECTED) {
      return false;
    }
    MessageChannel ch = j.getChannelById(MessageChannel.class, channelId);
    if (ch == null) {
      log.warn("alerts channel {} is not visible to the bot", channelId);
      return false;
    }
    try {
      ch.sendMessage(JdaMessages.create(alert)).submit().get(10, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      log.warn("could not post an alert to channel {}: {}", channelId, e.toString());
      return false;
    }
  }
}
