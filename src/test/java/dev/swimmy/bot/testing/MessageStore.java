package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;

/**
 * Messages per channel, with Discord's answers for unknown or deleted messages (404 10008) and
 * messages too old to edit (400 30046). Tests can delete a message as a user would.
 */
final class MessageStore {
  private static final List<String> EDITABLE =
      List.of("content", "embeds", "components", "flags", "allowed_mentions", "attachments");

  private final InstantSource clock;
  private final Snowflakes ids;
  private final Map<String, Map<String, ObjectNode>> byChannel = new LinkedHashMap<>();
  private final Map<String, String> tooOld = new LinkedHashMap<>();

  MessageStore(InstantSource clock, Snowflakes ids) {
    this.clock = clock;
    this.ids = ids;
  }

  synchronized ObjectNode create(String channelId, JsonNode body, ObjectNode author) {
    ObjectNode m = DiscordJson.object();
    m.put("id", ids.next()).put("type", 0).put("channel_id", channelId);
    m.set("author", author);
    m.put("content", "").put("tts", false).put("mention_everyone", false).put("pinned", false)
        .put("flags", 0).put("timestamp", DiscordJson.timestamp(clock.instant())).putNull("edited_timestamp");
    for (String array : List.of("embeds", "attachments", "mentions", "mention_roles", "components")) {
      m.putArray(array);
    }
    if (FakeGuild.TEXT_CHANNEL_ID.equals(channelId)) {
      m.put("guild_id", FakeGuild.GUILD_ID);
    }
    copyEditable(body, m);
    byChannel.computeIfAbsent(channelId, k -> new LinkedHashMap<>()).put(m.get("id").asText(), m);
    return m;
  }

  synchronized MockResponse get(String channelId, String messageId) {
    return find(channelId, messageId).map(m -> DiscordJson.respond(200, m)).orElseGet(MessageStore::unknown);
  }

  synchronized MockResponse edit(String channelId, String messageId, JsonNode body) {
    Optional<ObjectNode> found = find(channelId, messageId);
    if (found.isEmpty()) {
      return unknown();
    }
    if (tooOld.containsKey(messageId)) {
      return DiscordJson.respond(400, DiscordJson.error(
          "Maximum number of edits to messages older than 1 hour reached. Try again later", 30046));
    }
    ObjectNode m = found.get();
    copyEditable(body, m);
    m.put("edited_timestamp", DiscordJson.timestamp(clock.instant()));
    return DiscordJson.respond(200, m);
  }

  synchronized MockResponse delete(String channelId, String messageId) {
    return deleteQuietly(channelId, messageId) ? DiscordJson.noContent() : unknown();
  }

  synchronized boolean deleteQuietly(String channelId, String messageId) {
    Map<String, ObjectNode> channel = byChannel.get(channelId);
    return channel != null && channel.remove(messageId) != null;
  }

  synchronized void markTooOldToEdit(String messageId) {
    tooOld.put(messageId, messageId);
  }

  synchronized List<JsonNode> messages(String channelId) {
    return List.copyOf(byChannel.getOrDefault(channelId, Map.of()).values().stream()
        .map(ObjectNode::deepCopy).toList());
  }

  synchronized Optional<ObjectNode> find(String channelId, String messageId) {
    return Optional.ofNullable(byChannel.getOrDefault(channelId, Map.of()).get(messageId));
  }

  static MockResponse unknown() {
    return DiscordJson.respond(404, DiscordJson.error("Unknown Message", 10008));
  }

  private static void copyEditable(JsonNode body, ObjectNode m) {
    for (String key : EDITABLE) {
      if (body.has(key) && !body.get(key).isNull()) {
        m.set(key, body.get(key).deepCopy());
      }
    }
    // Discord stores every embed a bot sends as type "rich"; JDA refuses to parse one without it.
    for (JsonNode embed : m.path("embeds")) {
      if (embed instanceof ObjectNode o && !o.has("type")) {
        o.put("type", "rich");
      }
    }
  }

  Instant now() {
    return clock.instant();
  }
}
