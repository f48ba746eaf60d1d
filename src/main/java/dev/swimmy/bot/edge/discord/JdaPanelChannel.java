package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.PanelPolicy.ChartEdit;
import dev.swimmy.bot.core.discord.PanelPolicy.ChartOnPanel;
import dev.swimmy.bot.core.discord.PanelPolicy.Failure;
import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.render.Message;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * The panel channel through JDA. Calls block the panel thread ({@code complete()}), which is what
 * lets JDA's rate limiter pace them: a 429 waits inside JDA rather than failing here.
 */
final class JdaPanelChannel implements PanelChannel {
  private final Supplier<JDA> jda;
  private final long channelId;

  JdaPanelChannel(Supplier<JDA> jda, long channelId) {
    this.jda = jda;
    this.channelId = channelId;
  }

  @Override
  public Written post(Message m, Optional<ChartImage> chart) throws PanelException {
    var sent = call(() -> channel().sendMessage(JdaMessages.create(m, chart)).complete());
    return new Written(sent.getIdLong(), chartOn(sent, chart));
  }

  @Override
  public Written edit(long id, Message m, ChartEdit files, Optional<ChartImage> chart) throws PanelException {
    var edited = call(() -> channel().editMessageById(id, JdaMessages.edit(m, files, chart)).complete());
    return new Written(id, chartOn(edited, chart));
  }

  /**
   * The chart file Discord says the message carries: the attachment named like {@code chart}, or
   * none. A chart Discord does not list is unknown, so the next edit uploads it again.
   */
  private static ChartOnPanel chartOn(net.dv8tion.jda.api.entities.Message m, Optional<ChartImage> chart) {
    if (chart.isEmpty()) {
      return m.getAttachments().isEmpty() ? new ChartOnPanel.None() : new ChartOnPanel.Unknown();
    }
    return m.getAttachments().stream()
        .filter(a -> a.getFileName().equals(chart.get().fileName()))
        .findFirst()
        .<ChartOnPanel>map(a -> new ChartOnPanel.Uploaded(chart.get().dataKey(), a.getIdLong()))
        .orElseGet(ChartOnPanel.Unknown::new);
  }

  @Override
  public void verify(long id) throws PanelException {
    call(() -> channel().retrieveMessageById(id).complete());
  }

  @Override
  public void delete(long id) throws PanelException {
    call(() -> channel().deleteMessageById(id).complete());
  }

  private MessageChannel channel() throws PanelException {
    JDA j = jda.get();
    MessageChannel ch = j == null ? null : j.getChannelById(MessageChannel.class, channelId);
    if (ch == null) {
      throw new PanelException(Failure.OTHER, "panel channel " + channelId + " is not visible to the bot", null);
    }
    return ch;
  }

  private interface Call<T> {
    T run() throws PanelException;
  }

  private static <T> T call(Call<T> c) throws PanelException {
    try {
      return c.run();
    } catch (ErrorResponseException e) {
      Failure f = e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE ? Failure.UNKNOWN_MESSAGE
          : e.getErrorResponse() == ErrorResponse.MAX_OLD_MESSAGE_EDITS ? Failure.EDIT_TOO_OLD
          : Failure.OTHER;
      throw new PanelException(f, "Discord refused: " + e.getErrorCode() + " " + e.getMeaning(), null);
    } catch (RuntimeException e) {
      throw new PanelException(Failure.OTHER, e.toString(), e);
    }
  }
}
