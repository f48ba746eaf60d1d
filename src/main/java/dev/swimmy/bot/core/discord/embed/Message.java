package dev.swimmy.bot.core.discord.embed;

import java.util.List;
import java.util.Objects;

/** A message body: optional text and up to ten embeds. Interim model until {@code core.render}. */
public record Message(String content, List<Embed> embeds) {
  public Message {
    Objects.requireNonNull(content, "content");
    embeds = List.copyOf(embeds);
  }

  public static Message of(Embed embed) {
    return new Message("", List.of(embed));
  }

  public static Message text(String content) {
    return new Message(content, List.of());
  }
}
