package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.render.StatusSection;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a message that mentions the bot by name ({@code @swimmy-bot}) in a guild channel with
 * the {@code /status} overview, as a reply that pings nobody. It needs the GUILD_MESSAGES intent,
 * which is not privileged; it never reads the message's content (Discord sends the mentions
 * without the privileged MESSAGE_CONTENT intent). {@code @everyone}, {@code @here} and role
 * mentions do not count, and other bots (and the bot itself) are ignored. The overview is
 * rendered on the command pool, never on JDA's event thread.
 */
final class MentionReplies extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(MentionReplies.class);

  private final StatusViews views;
  private final ExecutorService workers;

  MentionReplies(StatusViews views, ExecutorService workers) {
    this.views = views;
    this.workers = workers;
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    Message message = event.getMessage();
    if (!event.isFromGuild() || event.getAuthor().isBot() || event.isWebhookMessage()
        || !message.getMentions().isMentioned(event.getJDA().getSelfUser(), MentionType.USER)) {
      return;
    }
    try {
      workers.execute(() -> reply(message));
    } catch (RejectedExecutionException full) {
      log.warn("command pool full; not answering a mention in channel {}", event.getChannel().getId());
    }
  }

  private void reply(Message message) {
    try {
      message.reply(JdaMessages.create(views.status(StatusSection.OVERVIEW)))
          .mentionRepliedUser(false)
          .setAllowedMentions(EnumSet.noneOf(MentionType.class))
          .queue(null, e -> log.warn("answering a mention failed: {}", e.toString()));
    } catch (RuntimeException e) {
      log.error("rendering the overview for a mention failed", e);
    }
  }
}
