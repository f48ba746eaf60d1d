package dev.swimmy.bot.core.discord.embed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An embed as the bot sends it: plain data, no JDA. Empty strings mean "absent", {@code color}
 * 0 means none, {@code timestamp} may be null (Discord shows no time then). The JDA and webhook
 * edges translate it; {@link Limits#fit} keeps it inside Discord's limits.
 *
 * <p>Interim model of the {@code discord-bot} branch until {@code status-view}'s {@code
 * core.render} model is merged.
 */
public record Embed(
    String title, String description, int color, List<Field> fields, String footer, Instant timestamp) {
  public Embed {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(footer, "footer");
    fields = List.copyOf(fields);
  }

  public static Embed of(String title, String description, int color) {
    return new Embed(title, description, color, List.of(), "", null);
  }

  public Embed withFields(List<Field> more) {
    return new Embed(title, description, color, more, footer, timestamp);
  }

  public Embed withFooter(String text) {
    return new Embed(title, description, color, fields, text, timestamp);
  }

  /** Characters Discord counts towards the 6,000 limit of a message's embeds. */
  public int length() {
    int n = title.length() + description.length() + footer.length();
    for (Field f : fields) {
      n += f.name().length() + f.value().length();
    }
    return n;
  }
}
