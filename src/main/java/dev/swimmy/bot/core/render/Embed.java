package dev.swimmy.bot.core.render;

import java.util.List;
import java.util.Objects;

/**
 * One embed, in our own terms; the Discord edges translate it. {@code footer} may be empty. There
 * is deliberately no embed timestamp: Discord shows it like a data time, and the only time a view
 * could put there is the render time, which the footer states in words instead.
 *
 * @param colour RGB, e.g. {@code 0x2ECC71}
 * @param image the embed's large image, e.g. {@code attachment://pnl-today.png} for a file sent with
 *     the message; "" for none. It does not count toward Discord's text limits.
 * @param title the title, not null
 * @param description the description, "" for none; not null
 * @param fields the fields, in order; copied
 * @param footer the footer text, "" for none; not null
 */
public record Embed(String title, String description, int colour, List<Field> fields, String footer, String image) {
  public Embed {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(footer, "footer");
    Objects.requireNonNull(image, "image");
    fields = List.copyOf(fields);
  }

  /** An embed without an image. */
  public Embed(String title, String description, int colour, List<Field> fields, String footer) {
    this(title, description, colour, fields, footer, "");
  }

  /** This embed showing {@code image} (a URL, or "" for none). */
  public Embed withImage(String image) {
    return new Embed(title, description, colour, fields, footer, image);
  }

  /** Characters that count toward Discord's 6,000 per message. */
  public int length() {
    int n = title.length() + description.length() + footer.length();
    for (Field f : fields) {
      n += f.name().length() + f.value().length();
    }
    return n;
  }
}
