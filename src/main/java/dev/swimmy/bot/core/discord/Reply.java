package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.render.Message;
import java.util.Objects;
import java.util.Optional;

/**
 * What to answer: a message, seen only by the invoking member when {@code ephemeral}, and the
 * chart file sent with it, which the message's embeds refer to ({@link ChartEmbeds}).
 *
 * @param message the answer, not null
 * @param ephemeral whether only the invoking member sees it
 * @param chart the chart file sent with it; not null, empty for none
 */
public record Reply(Message message, boolean ephemeral, Optional<ChartImage> chart) {
  public Reply {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(chart, "chart");
  }

  /** A reply with no chart file. */
  public Reply(Message message, boolean ephemeral) {
    this(message, ephemeral, Optional.empty());
  }

  /** {@code m}, seen by the whole channel, with no chart. */
  public static Reply visible(Message m) {
    return new Reply(m, false);
  }

  /** {@code m}, seen only by the invoking member, with no chart. */
  public static Reply ephemeral(Message m) {
    return new Reply(m, true);
  }

  /**
   * This reply with {@code chart} in an embed titled {@code title}; unchanged when the chart is
   * absent or over Discord's upload limit.
   */
  public Reply withChart(Optional<ChartImage> chart, String title) {
    return ChartEmbeds.fitting(chart)
        .map(c -> new Reply(ChartEmbeds.with(message, c, title), ephemeral, Optional.of(c)))
        .orElse(this);
  }
}
