package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 *
 * <p>Files are kept as Discord keeps them. A create attaches every uploaded file ({@code
 * files[n]}). An edit without an {@code attachments} array keeps the message's files and appends
 * the uploaded ones; with one, the message keeps exactly the listed files: an entry whose {@code
 * id} is an existing attachment's id keeps it, an entry whose id is an upload's index {@code n}
 * adds {@code files[n]}, anything else is refused (50035). An embed image {@code
 * attachment://name} is resolved to the file of that name on the message, as Discord does; one
 * that names no file is kept in {@link #danglingImages()}. Every uploaded file is recorded in
 * {@link #uploads()}.
 */
final class MessageStore {
  private static final List<String> EDITABLE =
      List.of("content", "embeds", "components", "flags", "allowed_mentions");

  /** One file Discord stored for a message: the upload that carried it, and its attachment id. */
  record Upload(Instant at, String channelId, String messageId, String attachmentId, String filename, byte[] data) {}

  /** An embed image that referred to {@code attachment://name} while the message had no such file. */
  record Dangling(String channelId, String messageId, String reference) {}

  private final InstantSource clock;
  private final Snowflakes ids;
  private final Map<String, Map<String, ObjectNode>> byChannel = new LinkedHashMap<>();
  private final Map<String, String> tooOld = new LinkedHashMap<>();
  private final List<Upload> uploads = new java.util.ArrayList<>();
  private final List<Dangling> dangling = new java.util.ArrayList<>();

  MessageStore(InstantSource clock, Snowflakes ids) {
    this.clock = clock;
    this.ids = ids;
  }

  synchronized ObjectNode create(String channelId, JsonNode body, ObjectNode author) {
    return create(channelId, body, List.of(), author);
  }

  /** A new message with {@code files} attached; refused (50035) like Discord for a bad attachments array. */
  synchronized ObjectNode create(String channelId, JsonNode body, List<FakeWebhook.File> files, ObjectNode author) {
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
    ArrayNode attachments = DiscordJson.MAPPER.createArrayNode();
    for (FakeWebhook.File f : files) {
      attachments.add(store(channelId, m.get("id").asText(), f));
    }
    m.set("attachments", attachments);
    resolveImages(channelId, m);
    byChannel.computeIfAbsent(channelId, k -> new LinkedHashMap<>()).put(m.get("id").asText(), m);
    return m;
  }

  synchronized MockResponse get(String channelId, String messageId) {
    return find(channelId, messageId).map(m -> DiscordJson.respond(200, m)).orElseGet(MessageStore::unknown);
  }

  synchronized MockResponse edit(String channelId, String messageId, JsonNode body) {
    return edit(channelId, messageId, body, List.of());
  }

  synchronized MockResponse edit(String channelId, String messageId, JsonNode body, List<FakeWebhook.File> files) {
    Optional<ObjectNode> found = find(channelId, messageId);
    if (found.isEmpty()) {
      return unknown();
    }
    if (tooOld.containsKey(messageId)) {
      return DiscordJson.respond(400, DiscordJson.error(
          "Maximum number of edits to messages older than 1 hour reached. Try again later", 30046));
    }
    ObjectNode m = found.get();
    Optional<ArrayNode> attachments = attachmentsAfterEdit(channelId, m, body, files);
    if (attachments.isEmpty()) {
      return DiscordJson.respond(400, DiscordPayloadRules.invalid(DiscordJson.object().set("attachments",
          DiscordJson.object().set("_errors", DiscordJson.MAPPER.createArrayNode().add(
              DiscordJson.object().put("code", "ATTACHMENT_NOT_FOUND").put("message", "Unknown attachment"))))));
    }
    copyEditable(body, m);
    m.set("attachments", attachments.get());
    resolveImages(channelId, m);
    m.put("edited_timestamp", DiscordJson.timestamp(clock.instant()));
    return DiscordJson.respond(200, m);
  }

  /** The files the message keeps after an edit, as Discord decides; empty if the array is refused. */
  private Optional<ArrayNode> attachmentsAfterEdit(String channelId, ObjectNode m, JsonNode body,
      List<FakeWebhook.File> files) {
    String messageId = m.get("id").asText();
    ArrayNode result = DiscordJson.MAPPER.createArrayNode();
    java.util.Set<Integer> used = new java.util.HashSet<>();
    if (!body.has("attachments") || body.get("attachments").isNull()) {
      m.path("attachments").forEach(a -> result.add(a.deepCopy()));
    } else {
      for (JsonNode entry : body.get("attachments")) {
        String id = entry.path("id").asText("");
        Optional<JsonNode> existing = java.util.stream.StreamSupport.stream(m.path("attachments").spliterator(), false)
            .filter(a -> a.path("id").asText().equals(id)).findFirst();
        Optional<Integer> index = uploadIndex(id, files);
        if (existing.isPresent()) {
          result.add(existing.get().deepCopy());
        } else if (index.isPresent()) {
          used.add(index.get());
          result.add(store(channelId, messageId, files.get(index.get())));
        } else {
          return Optional.empty();
        }
      }
    }
    for (int i = 0; i < files.size(); i++) {
      if (!used.contains(i)) {
        result.add(store(channelId, messageId, files.get(i)));
      }
    }
    return Optional.of(result);
  }

  private static Optional<Integer> uploadIndex(String id, List<FakeWebhook.File> files) {
    for (int i = 0; i < files.size(); i++) {
      if (String.valueOf(i).equals(id) && files.get(i).field().equals("files[" + i + "]")) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** Stores one uploaded file as an attachment of the message and returns its attachment object. */
  private ObjectNode store(String channelId, String messageId, FakeWebhook.File f) {
    String id = ids.next();
    String url = "https://cdn.discordapp.com/attachments/" + channelId + "/" + id + "/" + f.filename();
    ObjectNode a = DiscordJson.object().put("id", id).put("filename", f.filename()).put("size", f.data().length)
        .put("url", url).put("proxy_url", url.replace("cdn.discordapp.com", "media.discordapp.net"))
        .put("content_type", f.contentType());
    pngSize(f.data()).ifPresent(wh -> a.put("width", wh[0]).put("height", wh[1]));
    uploads.add(new Upload(clock.instant(), channelId, messageId, id, f.filename(), f.data().clone()));
    return a;
  }

  /** Width and height from a PNG's IHDR chunk. */
  private static Optional<int[]> pngSize(byte[] d) {
    if (d.length < 24 || (d[0] & 0xFF) != 0x89 || d[1] != 'P' || d[2] != 'N' || d[3] != 'G') {
      return Optional.empty();
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d, 16, 8);
    return Optional.of(new int[] {b.getInt(), b.getInt()});
  }

  /** Turns {@code attachment://name} embed images into the file's URL; records those naming no file. */
  private void resolveImages(String channelId, ObjectNode m) {
    for (JsonNode embed : m.path("embeds")) {
      JsonNode image = embed.path("image");
      String url = image.path("url").asText("");
      if (!(image instanceof ObjectNode img) || !url.startsWith("attachment://")) {
        continue;
      }
      String name = url.substring("attachment://".length());
      Optional<JsonNode> file = java.util.stream.StreamSupport.stream(m.path("attachments").spliterator(), false)
          .filter(a -> a.path("filename").asText().equals(name)).findFirst();
      if (file.isEmpty()) {
        dangling.add(new Dangling(channelId, m.get("id").asText(), url));
        continue;
      }
      img.put("url", file.get().path("url").asText()).put("proxy_url", file.get().path("proxy_url").asText());
      if (file.get().has("width")) {
        img.put("width", file.get().path("width").asInt()).put("height", file.get().path("height").asInt());
      }
    }
  }

  synchronized List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  synchronized List<Dangling> danglingImages() {
    return List.copyOf(dangling);
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
