package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.core.render.DiscordLimits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Discord's message limits, and a payload made to fit them rather than bounced: content over 2,000
 * characters and more than 10 embeds (or 6,000 characters of embeds) are split into numbered
 * messages "(1/3)"; a single value over its own limit (title 256, description 4,096, field name
 * 256, field value 1,024, footer 2,048, author 256) is truncated with a visible marker; more than
 * 25 fields continue in another embed. Lengths are counted after trimming, as Discord does, in
 * UTF-16 units (never fewer than Discord's code points, so never over). Pure and stateless.
 */
public final class PayloadLimits {
  /** {@link DiscordLimits#CONTENT}, which defines it. */
  public static final int CONTENT = DiscordLimits.CONTENT;
  /** {@link DiscordLimits#EMBEDS}, which defines it. */
  public static final int EMBEDS = DiscordLimits.EMBEDS;
  /** {@link DiscordLimits#TITLE}, which defines it. */
  public static final int TITLE = DiscordLimits.TITLE;
  /** {@link DiscordLimits#DESCRIPTION}, which defines it. */
  public static final int DESCRIPTION = DiscordLimits.DESCRIPTION;
  /** {@link DiscordLimits#FIELDS}, which defines it. */
  public static final int FIELDS = DiscordLimits.FIELDS;
  /** {@link DiscordLimits#FIELD_NAME}, which defines it. */
  public static final int FIELD_NAME = DiscordLimits.FIELD_NAME;
  /** {@link DiscordLimits#FIELD_VALUE}, which defines it. */
  public static final int FIELD_VALUE = DiscordLimits.FIELD_VALUE;
  /** {@link DiscordLimits#FOOTER}, which defines it. */
  public static final int FOOTER = DiscordLimits.FOOTER;
  /** {@link DiscordLimits#AUTHOR}, which defines it. */
  public static final int AUTHOR = DiscordLimits.AUTHOR;
  /** {@link DiscordLimits#TOTAL}, which defines it. */
  public static final int TOTAL = DiscordLimits.TOTAL;
  /** What ends a value that was cut to its limit. */
  public static final String MARKER = "… [truncated]";
  private static final int NUMBER_ROOM = 10; // "(99/99) " and a margin
  static final ObjectMapper JSON = new ObjectMapper();

  private PayloadLimits() {}

  /**
   * The messages to send for one payload; {@code truncations} counts the values cut.
   *
   * @param payloads the Discord JSON payloads to send, in order; at least one
   * @param truncations how many values were cut with {@link #MARKER}
   */
  public record Fitted(List<String> payloads, int truncations) {
    /** Whether the payload became more than one message. */
    public boolean split() {
      return payloads.size() > 1;
    }
  }

  /**
   * {@code payloadJson} as one or more payloads within Discord's limits, in send order. A payload
   * already within them, or one that is not a JSON object, comes back unchanged as the only one.
   */
  public static Fitted fit(String payloadJson) {
    ObjectNode root = parseObject(payloadJson);
    if (root == null || withinLimits(root)) {
      return new Fitted(List.of(payloadJson), 0);
    }
    int[] truncations = {0};
    List<String> contentChunks = new ArrayList<>();
    if (root.path("content").isTextual()) {
      contentChunks = chunks(root.get("content").asText(), CONTENT - NUMBER_ROOM);
    }
    List<ObjectNode> embeds = new ArrayList<>();
    for (JsonNode e : root.path("embeds")) {
      if (e.isObject()) {
        embeds.addAll(fitEmbed((ObjectNode) e.deepCopy(), truncations));
      }
    }
    List<List<ObjectNode>> groups = group(embeds);
    ObjectNode rest = root.deepCopy();
    rest.remove("content");
    rest.remove("embeds");
    List<ObjectNode> messages = new ArrayList<>();
    for (int i = 0; i < contentChunks.size(); i++) {
      ObjectNode m = rest.deepCopy();
      m.put("content", contentChunks.get(i));
      messages.add(m);
    }
    for (int i = 0; i < groups.size(); i++) {
      ObjectNode m = i == 0 && !messages.isEmpty() ? messages.get(messages.size() - 1) : null;
      if (m == null) {
        m = rest.deepCopy();
        messages.add(m);
      }
      ArrayNode arr = m.putArray("embeds");
      groups.get(i).forEach(arr::add);
    }
    if (messages.isEmpty()) {
      messages.add(root);
    }
    List<String> out = new ArrayList<>();
    int n = messages.size();
    for (int i = 0; i < n; i++) {
      ObjectNode m = messages.get(i);
      if (n > 1) {
        String number = "(" + (i + 1) + "/" + n + ")";
        String content = m.path("content").asText("");
        m.put("content", content.isBlank() ? number : number + " " + content);
      }
      out.add(m.toString());
    }
    return new Fitted(List.copyOf(out), truncations[0]);
  }

  /** True when Discord would accept this message body as it is. */
  public static boolean withinLimits(ObjectNode root) {
    if (len(root.path("content")) > CONTENT) {
      return false;
    }
    JsonNode embeds = root.path("embeds");
    if (embeds.size() > EMBEDS) {
      return false;
    }
    int total = 0;
    for (JsonNode e : embeds) {
      if (!embedWithin(e)) {
        return false;
      }
      total += embedChars(e);
    }
    return total <= TOTAL;
  }

  /** The characters Discord counts toward an embed's 6,000. */
  public static int embedChars(JsonNode e) {
    int n = len(e.path("title")) + len(e.path("description"))
        + len(e.path("footer").path("text")) + len(e.path("author").path("name"));
    for (JsonNode f : e.path("fields")) {
      n += len(f.path("name")) + len(f.path("value"));
    }
    return n;
  }

  static int len(JsonNode text) {
    return text.isTextual() ? text.asText().strip().length() : 0;
  }

  /** Cuts {@code s} to at most {@code max} characters (trimmed), ending with the marker. */
  public static String truncate(String s, int max) {
    String t = s.strip();
    if (t.length() <= max) {
      return s;
    }
    int end = Math.max(0, max - MARKER.length());
    if (end > 0 && Character.isHighSurrogate(t.charAt(end - 1))) {
      end--;
    }
    return t.substring(0, end) + MARKER;
  }

  static ObjectNode parseObject(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return n != null && n.isObject() ? (ObjectNode) n : null;
    } catch (Exception e) {
      return null;
    }
  }

  private static boolean embedWithin(JsonNode e) {
    if (len(e.path("title")) > TITLE || len(e.path("description")) > DESCRIPTION
        || len(e.path("footer").path("text")) > FOOTER || len(e.path("author").path("name")) > AUTHOR
        || e.path("fields").size() > FIELDS) {
      return false;
    }
    for (JsonNode f : e.path("fields")) {
      if (len(f.path("name")) > FIELD_NAME || len(f.path("value")) > FIELD_VALUE) {
        return false;
      }
    }
    return true;
  }

  private static List<ObjectNode> fitEmbed(ObjectNode e, int[] truncations) {
    cut(e, "title", TITLE, truncations);
    cut(e, "description", DESCRIPTION, truncations);
    if (e.path("footer").isObject()) {
      cut((ObjectNode) e.get("footer"), "text", FOOTER, truncations);
    }
    if (e.path("author").isObject()) {
      cut((ObjectNode) e.get("author"), "name", AUTHOR, truncations);
    }
    List<ObjectNode> fields = new ArrayList<>();
    for (JsonNode f : e.path("fields")) {
      if (f.isObject()) {
        ObjectNode fo = (ObjectNode) f;
        cut(fo, "name", FIELD_NAME, truncations);
        cut(fo, "value", FIELD_VALUE, truncations);
        fields.add(fo);
      }
    }
    List<ObjectNode> out = new ArrayList<>();
    ObjectNode first = e;
    first.remove("fields");
    for (int i = 0; i < Math.max(1, fields.size()); i += FIELDS) {
      ObjectNode part = i == 0 ? first : continuation(first);
      if (!fields.isEmpty()) {
        ArrayNode arr = part.putArray("fields");
        fields.subList(i, Math.min(fields.size(), i + FIELDS)).forEach(arr::add);
      }
      shrinkToTotal(part, truncations);
      out.add(part);
    }
    return out;
  }

  private static ObjectNode continuation(ObjectNode first) {
    ObjectNode c = JSON.createObjectNode();
    c.put("title", truncate(first.path("title").asText("") + " (cont.)", TITLE));
    if (first.has("color")) {
      c.set("color", first.get("color"));
    }
    return c;
  }

  /** One embed over 6,000 on its own: shorten the description, then drop trailing fields. */
  private static void shrinkToTotal(ObjectNode e, int[] truncations) {
    int over = embedChars(e) - TOTAL;
    if (over > 0 && len(e.path("description")) > 0) {
      int keep = Math.max(MARKER.length(), len(e.path("description")) - over);
      cut(e, "description", keep, truncations);
    }
    ArrayNode fields = e.path("fields").isArray() ? (ArrayNode) e.get("fields") : null;
    while (fields != null && embedChars(e) > TOTAL && fields.size() > 0) {
      fields.remove(fields.size() - 1);
      truncations[0]++;
    }
  }

  private static void cut(ObjectNode o, String key, int max, int[] truncations) {
    if (o.path(key).isTextual() && len(o.get(key)) > max) {
      o.put(key, truncate(o.get(key).asText(), max));
      truncations[0]++;
    }
  }

  private static List<List<ObjectNode>> group(List<ObjectNode> embeds) {
    List<List<ObjectNode>> groups = new ArrayList<>();
    List<ObjectNode> current = new ArrayList<>();
    int chars = 0;
    for (ObjectNode e : embeds) {
      int c = embedChars(e);
      if (!current.isEmpty() && (current.size() == EMBEDS || chars + c > TOTAL)) {
        groups.add(current);
        current = new ArrayList<>();
        chars = 0;
      }
      current.add(e);
      chars += c;
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }

  /** Splits text into pieces of at most {@code max}, at a line break where one is near. */
  static List<String> chunks(String text, int max) {
    List<String> out = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut < max / 2) {
        cut = max;
        if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
          cut--;
        }
      }
      out.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }

  /** Top-level keys other than content and embeds, for comparing messages. */
  static Map<String, JsonNode> others(ObjectNode root) {
    Map<String, JsonNode> m = new java.util.TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> en = it.next();
      if (!en.getKey().equals("embeds")) {
        m.put(en.getKey(), en.getValue());
      }
    }
    return m;
  }
}
