package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Message;
import java.util.List;

/** Short forms for the bot's one-embed notices, and the text cut the bot's views share. */
public final class Embeds {
  private Embeds() {}

  /** One embed with a title, a description and a colour ({@code 0xRRGGBB}), no fields or footer. */
  public static Message simple(String title, String description, int colour) {
    return Message.of(new Embed(title, description, colour, List.of(), ""));
  }

  /** Plain message text, no embed. */
  public static Message text(String content) {
    return new Message(content, List.of());
  }

  /** {@code text} shortened to at most {@code max} characters, ending in "…" when cut. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return max <= 0 ? "" : text.substring(0, max - 1) + "…";
  }
}
