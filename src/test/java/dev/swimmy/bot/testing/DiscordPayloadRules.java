package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Discord's limits on a message body (content, embeds, fields), checked the way Discord does and
 * reported in its {@code 50035 Invalid Form Body} shape, or {@code 50006} for an empty message.
 */
final class DiscordPayloadRules {
  static final int CONTENT = 2000;
  static final int EMBEDS = 10;
  static final int TITLE = 256;
  static final int DESCRIPTION = 4096;
  static final int FIELDS = 25;
  static final int FIELD_NAME = 256;
  static final int FIELD_VALUE = 1024;
  static final int FOOTER = 2048;
  static final int AUTHOR = 256;
  static final int TOTAL = 6000;

  private DiscordPayloadRules() {}

  /** The error body Discord would answer with, or empty if the message is acceptable. */
  static Optional<ObjectNode> check(JsonNode body) {
    if (!body.isObject()) {
      return Optional.of(invalid(DiscordJson.object()
          .set("_errors", problem("DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"))));
    }
    ObjectNode errors = DiscordJson.object();
    String content = body.path("content").asText("");
    tooLong(errors, "content", content, CONTENT);
    JsonNode embeds = body.path("embeds");
    if (embeds.size() > EMBEDS) {
      errors.set("embeds", problemAt("BASE_TYPE_MAX_LENGTH", "Must be " + EMBEDS + " or fewer in length."));
    } else {
      checkEmbeds(embeds, errors);
    }
    if (!errors.isEmpty()) {
      return Optional.of(invalid(errors));
    }
    boolean hasSomething = !content.isBlank() || embeds.size() > 0
        || body.path("components").size() > 0 || body.hasNonNull("poll")
        || body.path("attachments").size() > 0 || body.path("sticker_ids").size() > 0;
    return hasSomething ? Optional.empty()
        : Optional.of(DiscordJson.error("Cannot send an empty message", 50006));
  }

  private static void checkEmbeds(JsonNode embeds, ObjectNode errors) {
    int total = 0;
    ObjectNode perEmbed = DiscordJson.object();
    for (int i = 0; i < embeds.size(); i++) {
      JsonNode embed = embeds.get(i);
      ObjectNode e = DiscordJson.object();
      total += tooLong(e, "title", embed.path("title").asText(""), TITLE);
      total += tooLong(e, "description", embed.path("description").asText(""), DESCRIPTION);
      ObjectNode footer = DiscordJson.object();
      total += tooLong(footer, "text", embed.path("footer").path("text").asText(""), FOOTER);
      putIfErrors(e, "footer", footer);
      ObjectNode author = DiscordJson.object();
      total += tooLong(author, "name", embed.path("author").path("name").asText(""), AUTHOR);
      putIfErrors(e, "author", author);
      total += checkFields(embed.path("fields"), e);
      putIfErrors(perEmbed, String.valueOf(i), e);
    }
    if (!perEmbed.isEmpty()) {
      errors.set("embeds", perEmbed);
    } else if (total > TOTAL) {
      errors.set("embeds", problemAt("MAX_EMBED_SIZE_EXCEEDED",
          "Embed size exceeds maximum size of " + TOTAL));
    }
  }

  private static int checkFields(JsonNode fields, ObjectNode embedErrors) {
    if (fields.size() > FIELDS) {
      embedErrors.set("fields", problemAt("BASE_TYPE_MAX_LENGTH", "Must be " + FIELDS + " or fewer in length."));
      return 0;
    }
    int total = 0;
    ObjectNode perField = DiscordJson.object();
    for (int j = 0; j < fields.size(); j++) {
      JsonNode field = fields.get(j);
      ObjectNode f = DiscordJson.object();
      String name = field.path("name").asText("");
      String value = field.path("value").asText("");
      if (name.isEmpty() || value.isEmpty()) {
        f.set(name.isEmpty() ? "name" : "value", problemAt("BASE_TYPE_REQUIRED", "This field is required"));
      }
      total += tooLong(f, "name", name, FIELD_NAME);
      total += tooLong(f, "value", value, FIELD_VALUE);
      putIfErrors(perField, String.valueOf(j), f);
    }
    putIfErrors(embedErrors, "fields", perField);
    return total;
  }

  /** Adds an error when {@code text} is over {@code max}; returns its length for the total. */
  private static int tooLong(ObjectNode errors, String key, String text, int max) {
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      errors.set(key, problemAt("BASE_TYPE_MAX_LENGTH", "Must be " + max + " or fewer in length."));
    }
    return length;
  }

  private static void putIfErrors(ObjectNode parent, String key, ObjectNode child) {
    if (!child.isEmpty()) {
      parent.set(key, child);
    }
  }

  private static ObjectNode problemAt(String code, String message) {
    return DiscordJson.object().set("_errors", problem(code, message));
  }

  private static ArrayNode problem(String code, String message) {
    ArrayNode list = DiscordJson.MAPPER.createArrayNode();
    list.addObject().put("code", code).put("message", message);
    return list;
  }

  static ObjectNode invalid(ObjectNode errors) {
    ObjectNode body = DiscordJson.error("Invalid Form Body", 50035);
    body.set("errors", errors);
    return body;
  }
}
