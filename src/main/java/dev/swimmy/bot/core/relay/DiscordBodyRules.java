package dev.swimmy.bot.core.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Discord's own checks on an Execute Webhook body, answered in Discord's shape, so a caller of the
 * HTTP intake hears at once what Discord would have said rather than finding a dead letter later:
 * {@code 50035 Invalid Form Body} with the field errors ({@code {"embeds":{"0":{"title":{"_errors":
 * [{"code":"BASE_TYPE_MAX_LENGTH",...}]}}}}}), or {@code 50006} for a message with nothing to show.
 * Lengths are counted in code points after trimming, as Discord counts them. Pure and stateless.
 *
 * <p>The ZeroMQ intake does not use this: the engine's messages are fitted to the limits by {@link
 * PayloadLimits} instead, since the engine cannot hear a refusal.
 */
public final class DiscordBodyRules {
  /** At most this many files in one message. */
  public static final int FILES = 10;
  private static final int USERNAME = 80;

  private DiscordBodyRules() {}

  /** A refusal: the HTTP status and Discord's JSON error body. */
  public record Refusal(int status, ObjectNode body) {}

  /**
   * The error Discord would answer for this body with {@code files} files attached, or empty if it
   * would post it.
   */
  public static Optional<Refusal> check(JsonNode body, int files) {
    if (!body.isObject()) {
      return Optional.of(invalid(object().set("_errors", problem("DICT_TYPE_CONVERT",
          "Only dictionaries may be used in a DictType"))));
    }
    ObjectNode errors = object();
    tooLong(errors, "content", text(body.path("content")), PayloadLimits.CONTENT);
    String username = text(body.path("username"));
    if (body.has("username") && !body.get("username").isNull() && username.isEmpty()) {
      errors.set("username", problemAt("BASE_TYPE_BAD_LENGTH", "Must be between 1 and " + USERNAME + " in length."));
    } else {
      tooLong(errors, "username", username, USERNAME);
    }
    JsonNode embeds = body.path("embeds");
    if (embeds.size() > PayloadLimits.EMBEDS) {
      errors.set("embeds", problemAt("BASE_TYPE_MAX_LENGTH", "Must be " + PayloadLimits.EMBEDS + " or fewer in length."));
    } else {
      checkEmbeds(embeds, errors);
    }
    if (files > FILES || body.path("attachments").size() > FILES) {
      errors.set("attachments", problemAt("BASE_TYPE_MAX_LENGTH", "Must be " + FILES + " or fewer in length."));
    }
    if (!errors.isEmpty()) {
      return Optional.of(invalid(errors));
    }
    boolean hasSomething = !text(body.path("content")).isEmpty() || embeds.size() > 0 || files > 0
        || body.path("components").size() > 0 || body.hasNonNull("poll") || body.path("sticker_ids").size() > 0;
    return hasSomething ? Optional.empty() : Optional.of(error(400, "Cannot send an empty message", 50006));
  }

  /** A Discord error body {@code {"message": ..., "code": ...}} with its status. */
  public static Refusal error(int status, String message, int code) {
    return new Refusal(status, object().put("message", message).put("code", code));
  }

  /** {@code 50035 Invalid Form Body} with one error at {@code field}. */
  public static Refusal fieldError(String field, String code, String message) {
    ObjectNode errors = object();
    errors.set(field, problemAt(code, message));
    return invalid(errors);
  }

  private static void checkEmbeds(JsonNode embeds, ObjectNode errors) {
    int total = 0;
    ObjectNode perEmbed = object();
    for (int i = 0; i < embeds.size(); i++) {
      JsonNode embed = embeds.get(i);
      ObjectNode e = object();
      total += tooLong(e, "title", text(embed.path("title")), PayloadLimits.TITLE);
      total += tooLong(e, "description", text(embed.path("description")), PayloadLimits.DESCRIPTION);
      ObjectNode footer = object();
      total += tooLong(footer, "text", text(embed.path("footer").path("text")), PayloadLimits.FOOTER);
      putIfErrors(e, "footer", footer);
      ObjectNode author = object();
      total += tooLong(author, "name", text(embed.path("author").path("name")), PayloadLimits.AUTHOR);
      putIfErrors(e, "author", author);
      total += checkFields(embed.path("fields"), e);
      putIfErrors(perEmbed, String.valueOf(i), e);
    }
    if (!perEmbed.isEmpty()) {
      errors.set("embeds", perEmbed);
    } else if (total > PayloadLimits.TOTAL) {
      errors.set("embeds", problemAt("MAX_EMBED_SIZE_EXCEEDED",
          "Embed size exceeds maximum size of " + PayloadLimits.TOTAL));
    }
  }

  private static int checkFields(JsonNode fields, ObjectNode embedErrors) {
    if (fields.size() > PayloadLimits.FIELDS) {
      embedErrors.set("fields", problemAt("BASE_TYPE_MAX_LENGTH", "Must be " + PayloadLimits.FIELDS + " or fewer in length."));
      return 0;
    }
    int total = 0;
    ObjectNode perField = object();
    for (int j = 0; j < fields.size(); j++) {
      JsonNode field = fields.get(j);
      ObjectNode f = object();
      String name = text(field.path("name"));
      String value = text(field.path("value"));
      if (name.isEmpty()) {
        f.set("name", problemAt("BASE_TYPE_REQUIRED", "This field is required"));
      }
      if (value.isEmpty()) {
        f.set("value", problemAt("BASE_TYPE_REQUIRED", "This field is required"));
      }
      total += tooLong(f, "name", name, PayloadLimits.FIELD_NAME);
      total += tooLong(f, "value", value, PayloadLimits.FIELD_VALUE);
      putIfErrors(perField, String.valueOf(j), f);
    }
    putIfErrors(embedErrors, "fields", perField);
    return total;
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
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
    return object().set("_errors", problem(code, message));
  }

  private static ArrayNode problem(String code, String message) {
    ArrayNode list = PayloadLimits.JSON.createArrayNode();
    list.addObject().put("code", code).put("message", message);
    return list;
  }

  private static Refusal invalid(ObjectNode errors) {
    ObjectNode body = object().put("message", "Invalid Form Body").put("code", 50035);
    body.set("errors", errors);
    return new Refusal(400, body);
  }

  private static ObjectNode object() {
    return PayloadLimits.JSON.createObjectNode();
  }
}
