package dev.swimmy.bot.core.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Discord's message and embed limits, checked and enforced. {@link #fit} never lets a message
 * break a limit: it shortens text with a visible "…", drops trailing fields when it must, and says
 * what it cut in the last embed's footer, so an operator never mistakes a cut view for a whole
 * one. Lengths are counted in UTF-16 units, which is never fewer than Discord's count.
 */
public final class DiscordLimits {
  /** Characters of message content. */
  public static final int CONTENT = 2000;
  /** Embeds in one message. */
  public static final int EMBEDS = 10;
  /** Characters of an embed title. */
  public static final int TITLE = 256;
  /** Characters of an embed description. */
  public static final int DESCRIPTION = 4096;
  /** Fields in one embed. */
  public static final int FIELDS = 25;
  /** Characters of a field name. */
  public static final int FIELD_NAME = 256;
  /** Characters of a field value. */
  public static final int FIELD_VALUE = 1024;
  /** Characters of an embed footer. */
  public static final int FOOTER = 2048;
  /** Characters of an embed author name. */
  public static final int AUTHOR = 256;
  /** Characters of all embeds of one message together (titles, descriptions, field names and values, footers, authors). */
  public static final int TOTAL = 6000;
  /** Bytes of one uploaded file a bot may send to any guild (Discord's default upload limit, 10 MiB). */
  public static final int ATTACHMENT_BYTES = 10 * 1024 * 1024;
  /** Room kept in the total and in the footer for the note that says what was cut. */
  static final int NOTE_RESERVE = 160;

  static final String ELLIPSIS = "…";

  private DiscordLimits() {}

  /** Every limit the message breaks, in words; empty when it may be sent as it is. */
  public static List<String> violations(Message m) {
    List<String> out = new ArrayList<>();
    over(out, "content", m.content(), CONTENT);
    if (m.embeds().size() > EMBEDS) {
      out.add(m.embeds().size() + " embeds > " + EMBEDS);
    }
    for (Embed e : m.embeds()) {
      over(out, "title", e.title(), TITLE);
      over(out, "description", e.description(), DESCRIPTION);
      over(out, "footer", e.footer(), FOOTER);
      if (e.fields().size() > FIELDS) {
        out.add(e.fields().size() + " fields > " + FIELDS);
      }
      for (Field f : e.fields()) {
        over(out, "field name", f.name(), FIELD_NAME);
        over(out, "field value", f.value(), FIELD_VALUE);
        if (f.name().isBlank() || f.value().isBlank()) {
          out.add("blank field name or value");
        }
      }
    }
    if (m.embedLength() > TOTAL) {
      out.add("embeds total " + m.embedLength() + " > " + TOTAL);
    }
    return out;
  }

  /** The message cut to Discord's limits, with a note of what was cut; unchanged if it fits. */
  public static Message fit(Message m) {
    Cuts cuts = new Cuts();
    List<Embed> embeds = new ArrayList<>(m.embeds());
    if (embeds.size() > EMBEDS) {
      cuts.embeds += embeds.size() - EMBEDS;
      embeds = new ArrayList<>(embeds.subList(0, EMBEDS));
    }
    List<List<Field>> fields = new ArrayList<>();
    for (int i = 0; i < embeds.size(); i++) {
      Embed e = embeds.get(i);
      List<Field> fs = new ArrayList<>();
      for (Field f : e.fields()) {
        if (fs.size() == FIELDS) {
          cuts.fields++;
          continue;
        }
        fs.add(new Field(nonBlank(clip(f.name(), FIELD_NAME, cuts)),
            nonBlank(clip(f.value(), FIELD_VALUE, cuts)), f.inline()));
      }
      fields.add(fs);
      embeds.set(i, new Embed(clip(e.title(), TITLE, cuts), clip(e.description(), DESCRIPTION, cuts),
          e.colour(), fs, clip(e.footer(), FOOTER - NOTE_RESERVE, cuts), e.image()));
    }
    shrinkToTotal(embeds, fields, cuts);
    String content = clip(m.content(), CONTENT, cuts);
    if (cuts.any() && !embeds.isEmpty()) {
      int last = embeds.size() - 1;
      Embed e = embeds.get(last);
      String footer = e.footer().isEmpty() ? cuts.note() : e.footer() + " · " + cuts.note();
      embeds.set(last, new Embed(e.title(), e.description(), e.colour(), e.fields(), footer, e.image()));
    }
    return new Message(content, embeds);
  }

  /** Drops trailing fields, then shortens the longest descriptions, until the total fits. */
  private static void shrinkToTotal(List<Embed> embeds, List<List<Field>> fields, Cuts cuts) {
    int budget = TOTAL - NOTE_RESERVE;
    int total = embeds.stream().mapToInt(Embed::length).sum();
    for (int i = embeds.size() - 1; i >= 0 && total > budget; i--) {
      List<Field> fs = fields.get(i);
      while (!fs.isEmpty() && total > budget) {
        Field f = fs.remove(fs.size() - 1);
        total -= f.name().length() + f.value().length();
        cuts.fields++;
      }
      Embed e = embeds.get(i);
      embeds.set(i, new Embed(e.title(), e.description(), e.colour(), fs, e.footer(), e.image()));
    }
    for (int i = embeds.size() - 1; i >= 0 && total > budget; i--) {
      Embed e = embeds.get(i);
      int keep = Math.max(0, e.description().length() - (total - budget));
      String d = clip(e.description(), Math.max(keep, 1), cuts);
      total -= e.description().length() - d.length();
      embeds.set(i, new Embed(e.title(), d, e.colour(), e.fields(), e.footer(), e.image()));
    }
    for (int i = embeds.size() - 1; i >= 0 && total > budget; i--) {
      Embed e = embeds.get(i);
      String t = clip(e.title(), Math.max(1, e.title().length() - (total - budget)), cuts);
      String f = clip(e.footer(), Math.max(0, e.footer().length() - (total - budget)), cuts);
      total -= e.title().length() - t.length() + e.footer().length() - f.length();
      embeds.set(i, new Embed(t, e.description(), e.colour(), e.fields(), f, e.image()));
    }
  }

  /** {@code s} cut to {@code max} UTF-16 units ending in "…", never splitting a surrogate pair. */
  static String clip(String s, int max, Cuts cuts) {
    if (s.length() <= max) {
      return s;
    }
    cuts.texts++;
    if (max < 1) {
      return "";
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + ELLIPSIS;
  }

  private static String nonBlank(String s) {
    return s.isBlank() ? "—" : s;
  }

  private static void over(List<String> out, String what, String s, int max) {
    if (s.length() > max) {
      out.add(what + " of " + s.length() + " > " + max);
    }
  }

  /** What {@link #fit} cut, for the note. */
  static final class Cuts {
    int embeds;
    int fields;
    int texts;

    boolean any() {
      return embeds + fields + texts > 0;
    }

    String note() {
      List<String> parts = new ArrayList<>();
      if (embeds > 0) {
        parts.add(embeds + " embed(s) dropped");
      }
      if (fields > 0) {
        parts.add(fields + " field(s) dropped");
      }
      if (texts > 0) {
        parts.add(texts + " text(s) shortened (…)");
      }
      return "✂ cut to fit Discord's limits: " + String.join(", ", parts);
    }
  }
}
