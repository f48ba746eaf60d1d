package dev.swimmy.bot.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Our embed model as Discord's message body ({@code {"embeds":[...]}} with Discord's field
 * names), shared by {@code render --json}, the webhook edge and the {@code /panel} page. Mentions
 * are switched off ({@code allowed_mentions.parse = []}): values come from files, and a strategy
 * named {@code @everyone} must not ping anybody.
 */
public final class DiscordJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DiscordJson() {}

  /** {@code m} as Discord's message body, mentions off; a new node on each call. */
  public static ObjectNode toNode(Message m) {
    ObjectNode body = JSON.createObjectNode();
    if (!m.content().isEmpty()) {
      body.put("content", m.content());
    }
    ArrayNode embeds = body.putArray("embeds");
    for (Embed e : m.embeds()) {
      embeds.add(embed(e));
    }
    body.putObject("allowed_mentions").putArray("parse");
    return body;
  }

  /** The body as indented JSON text. */
  public static String toJson(Message m) {
    try {
      return JSON.writeValueAsString(toNode(m));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }

  private static ObjectNode embed(Embed e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("title", e.title());
    if (!e.description().isEmpty()) {
      n.put("description", e.description());
    }
    n.put("color", e.colour());
    ArrayNode fields = n.putArray("fields");
    for (Field f : e.fields()) {
      fields.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline());
    }
    if (!e.footer().isEmpty()) {
      n.putObject("footer").put("text", e.footer());
    }
    if (!e.image().isEmpty()) {
      n.putObject("image").put("url", e.image());
    }
    return n;
  }
}
