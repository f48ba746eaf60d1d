package dev.swimmy.bot.core.render;

import java.util.List;
import java.util.Objects;

/**
 * A Discord message: plain content (may be empty) and embeds.
 *
 * @param content the plain text, "" for none; not null
 * @param embeds the embeds, in order; copied
 */
public record Message(String content, List<Embed> embeds) {
  public Message {
    Objects.requireNonNull(content, "content");
    embeds = List.copyOf(embeds);
  }

  /** A message of {@code embeds} and no content. */
  public static Message of(Embed... embeds) {
    return new Message("", List.of(embeds));
  }

  /** Embed characters that count toward Discord's 6,000 per message. */
  public int embedLength() {
    return embeds.stream().mapToInt(Embed::length).sum();
  }
}
