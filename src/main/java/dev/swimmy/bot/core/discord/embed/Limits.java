package dev.swimmy.bot.core.discord.embed;

import java.util.ArrayList;
import java.util.List;

/**
 * Discord's message limits, and the one function that brings any message inside them: text is
 * cut with an ellipsis, extra fields and embeds are dropped, and the 6,000-character budget of all
 * embeds together is enforced by trimming the last ones first.
 */
public final class Limits {
  public static final int CONTENT = 2000;
  public static final int TITLE = 256;
  public static final int DESCRIPTION = 4096;
  public static final int FIELDS = 25;
  public static final int FIELD_NAME = 256;
  public static final int FIELD_VALUE = 1024;
  public static final int FOOTER = 2048;
  public static final int EMBEDS = 10;
  public static final int TOTAL = 6000;

  private Limits() {}

  public static Message fit(Message m) {
    List<Embed> embeds = new ArrayList<>();
    int budget = TOTAL;
    for (Embed e : m.embeds().subList(0, Math.min(EMBEDS, m.embeds().size()))) {
      Embed fitted = fit(e, budget);
      if (fitted.length() == 0) {
        break;
      }
      budget -= fitted.length();
      embeds.add(fitted);
    }
    return new Message(cut(m.content(), CONTENT), embeds);
  }

  private static Embed fit(Embed e, int budget) {
    String title = cut(e.title(), Math.min(TITLE, budget));
    budget -= title.length();
    String footer = cut(e.footer(), Math.min(FOOTER, budget));
    budget -= footer.length();
    String description = cut(e.description(), Math.min(DESCRIPTION, budget));
    budget -= description.length();
    List<Field> fields = new ArrayList<>();
    for (Field f : e.fields().subList(0, Math.min(FIELDS, e.fields().size()))) {
      String name = cut(f.name().isEmpty() ? "\u200b" : f.name(), FIELD_NAME);
      String value = cut(f.value().isEmpty() ? "\u200b" : f.value(), FIELD_VALUE);
      if (name.length() + value.length() > budget) {
        break;
      }
      budget -= name.length() + value.length();
      fields.add(new Field(name, value, f.inline()));
    }
    return new Embed(title, description, e.color(), fields, footer, e.timestamp());
  }

  /** {@code text} shortened to at most {@code max} characters, ending in "…" when cut. */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    if (max <= 0) {
      return "";
    }
    return text.substring(0, max - 1) + "…";
  }
}
