package dev.swimmy.bot.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import mockwebserver3.MockResponse;
import okio.ByteString;

/** Discord-shaped JSON bodies and responses, shared by the parts of {@link FakeDiscord}. */
final class DiscordJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Discord's snowflake epoch, 2015-01-01T00:00:00Z. */
  private static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;

  private DiscordJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode error(String message, int code) {
    return object().put("message", message).put("code", code);
  }

  static MockResponse respond(int status, JsonNode body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "application/json")
        .body(write(body))
        .build();
  }

  static MockResponse noContent() {
    return new MockResponse.Builder().code(204).build();
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The parsed body, or empty when it is absent or not JSON. */
  static Optional<JsonNode> parse(ByteString body) {
    if (body == null || body.size() == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readTree(body.utf8()));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  static String snowflake(Instant at, long sequence) {
    long ms = Math.max(0, at.toEpochMilli() - DISCORD_EPOCH_MS);
    return Long.toUnsignedString((ms << 22) | (sequence & 0x3FFFFF));
  }

  static String timestamp(Instant at) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
  }
}
