package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.render.DiscordLimits;
import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a chart goes in a Discord message: as the image of an embed of its own, referring to the
 * file sent with the message ({@code attachment://<fileName>}), so the picture sits inside the
 * message's embeds rather than as a loose file. The message stays within Discord's limits: with
 * ten embeds already, the image goes on the tenth instead of adding an eleventh; a chart over the
 * upload limit is left out and the message renders as it would without one.
 */
public final class ChartEmbeds {
  private ChartEmbeds() {}

  /** The chart if Discord would take it as an upload; empty when absent or too large. */
  public static Optional<ChartImage> fitting(Optional<ChartImage> chart) {
    return chart.filter(c -> c.png().length <= DiscordLimits.ATTACHMENT_BYTES && !c.fileName().isBlank());
  }

  /** The reference an embed uses for a file sent with the same message. */
  public static String reference(ChartImage chart) {
    return "attachment://" + chart.fileName();
  }

  /**
   * {@code m} showing {@code chart}: a new embed titled {@code title} with the chart as its image,
   * coloured like the message's first embed; on the last embed when the message already has
   * Discord's maximum.
   */
  public static Message with(Message m, ChartImage chart, String title) {
    List<Embed> embeds = new ArrayList<>(m.embeds());
    String image = reference(chart);
    if (embeds.size() >= DiscordLimits.EMBEDS) {
      int last = DiscordLimits.EMBEDS - 1;
      embeds.set(last, embeds.get(last).withImage(image));
    } else {
      int colour = embeds.isEmpty() ? Colors.INFO : embeds.get(0).colour();
      embeds.add(new Embed(title, "", colour, List.of(), "", image));
    }
    return new Message(m.content(), embeds);
  }
}
