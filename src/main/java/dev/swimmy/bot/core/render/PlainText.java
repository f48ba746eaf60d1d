package dev.swimmy.bot.core.render;

/** A message as plain text for a terminal: what {@code render} prints without {@code --json}. */
public final class PlainText {
  private PlainText() {}

  /** {@code m} as Markdown-like text: content, then each embed's title, description, fields and footer. */
  public static String of(Message m) {
    StringBuilder b = new StringBuilder();
    if (!m.content().isEmpty()) {
      b.append(m.content()).append("\n\n");
    }
    for (Embed e : m.embeds()) {
      b.append("# ").append(e.title()).append('\n');
      if (!e.description().isEmpty()) {
        b.append(e.description()).append('\n');
      }
      for (Field f : e.fields()) {
        b.append("\n## ").append(f.name()).append('\n').append(f.value()).append('\n');
      }
      if (!e.footer().isEmpty()) {
        b.append("\n-- ").append(e.footer()).append('\n');
      }
    }
    return b.toString();
  }
}
