package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.MockResponse;

/**
 * The bot's REST surface that JDA uses: self user, gateway discovery, application commands,
 * interaction callbacks and their webhook messages, and channel messages. Paths are relative to
 * the API base, split into segments.
 */
final class FakeRest {
  private final String botToken;
  private final Snowflakes ids;
  private final MessageStore messages;
  private final String gatewayUrl;
  private final Map<String, List<JsonNode>> commands = new ConcurrentHashMap<>();
  private final Map<String, InjectedInteraction> interactions = new ConcurrentHashMap<>();
  private final Map<String, InteractionCallback> callbacks = new ConcurrentHashMap<>();
  private final Map<String, String> originals = new ConcurrentHashMap<>();

  FakeRest(String botToken, Snowflakes ids, MessageStore messages, String gatewayUrl) {
    this.botToken = botToken;
    this.ids = ids;
    this.messages = messages;
    this.gatewayUrl = gatewayUrl;
  }

  /**
   * A request body as Discord reads it: JSON, or {@code multipart/form-data} with the JSON in
   * {@code payload_json} and files in {@code files[n]} (read by {@link FakeMultipart}).
   */
  record Sent(JsonNode json, List<FakeWebhook.File> files, boolean malformed) {
    static Sent read(RecordedCall call, okio.ByteString raw) {
      Optional<FakeMultipart> multipart = FakeMultipart.read(call.header("Content-Type"), raw);
      if (multipart.isEmpty()) {
        return new Sent(body(call), List.of(), false);
      }
      FakeMultipart mp = multipart.get();
      Optional<JsonNode> json = mp.payloadJson().flatMap(j -> DiscordJson.parse(okio.ByteString.encodeUtf8(j)));
      return new Sent(json.orElseGet(DiscordJson::object), mp.files(), mp.malformed() || json.isEmpty());
    }
  }

  /** Answers a bot route, or empty if the fake does not know it. */
  Optional<MockResponse> handle(String method, List<String> path, RecordedCall call) {
    return handle(method, path, call, call.body() == null ? null : okio.ByteString.encodeUtf8(call.body()));
  }

  /** As above, with the raw body (a multipart body carries binary files). */
  Optional<MockResponse> handle(String method, List<String> path, RecordedCall call, okio.ByteString raw) {
    Sent sent = Sent.read(call, raw);
    if (sent.malformed()) {
      return Optional.of(DiscordJson.respond(400, DiscordPayloadRules.invalid(DiscordJson.object().set("payload_json",
          DiscordJson.object().put("message", "a multipart body needs a JSON payload_json part")))));
    }
    String first = path.isEmpty() ? "" : path.get(0);
    if (first.equals("interactions") || first.equals("webhooks")) {
      return interactionRoute(method, path, call, sent);
    }
    if (!("Bot " + botToken).equals(call.header("Authorization"))) {
      return Optional.of(DiscordJson.respond(401, DiscordJson.error("401: Unauthorized", 0)));
    }
    String route = method + " " + String.join("/", path.stream().map(FakeRest::shape).toList());
    switch (route) {
      case "GET users/@me":
        return ok(FakeGuild.selfUser());
      case "GET gateway/bot":
        ObjectNode gw = DiscordJson.object().put("url", gatewayUrl).put("shards", 1);
        gw.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
            .put("reset_after", 14_400_000).put("max_concurrency", 1);
        return ok(gw);
      case "GET gateway":
        return ok(DiscordJson.object().put("url", gatewayUrl));
      case "GET oauth2/applications/@me":
      case "GET applications/@me":
        return ok(application());
      case "GET applications/ID/commands":
      case "GET applications/ID/guilds/ID/commands":
        return ok(array(commands.getOrDefault(commandKey(path), List.of())));
      case "PUT applications/ID/commands":
      case "PUT applications/ID/guilds/ID/commands":
        return ok(array(registerCommands(commandKey(path), call)));
      case "POST channels/ID/messages":
        return ok(messages.create(path.get(1), sent.json(), sent.files(), FakeGuild.user(FakeGuild.BOT_USER_ID,
            FakeGuild.BOT.name(), true)));
      case "GET channels/ID/messages/ID":
        return Optional.of(messages.get(path.get(1), path.get(3)));
      case "PATCH channels/ID/messages/ID":
        return Optional.of(messages.edit(path.get(1), path.get(3), sent.json(), sent.files()));
      case "DELETE channels/ID/messages/ID":
        return Optional.of(messages.delete(path.get(1), path.get(3)));
      default:
        return Optional.empty();
    }
  }

  void registerInteraction(InjectedInteraction interaction) {
    interactions.put(interaction.id(), interaction);
  }

  Optional<InteractionCallback> callback(String interactionId) {
    return Optional.ofNullable(callbacks.get(interactionId));
  }

  List<JsonNode> commands(String key) {
    return commands.getOrDefault(key, List.of());
  }

  /** The stored message that answers the interaction, if the bot replied with one. */
  Optional<String> originalMessageId(String interactionToken) {
    return Optional.ofNullable(originals.get(interactionToken));
  }

  private Optional<MockResponse> interactionRoute(String method, List<String> path, RecordedCall call, Sent sent) {
    if (path.size() == 4 && path.get(0).equals("interactions") && path.get(3).equals("callback")
        && method.equals("POST")) {
      return Optional.of(acknowledge(path.get(1), call, sent));
    }
    if (path.size() < 3 || !path.get(0).equals("webhooks") || !path.get(1).equals(FakeGuild.APPLICATION_ID)) {
      return Optional.empty();
    }
    Optional<InjectedInteraction> interaction = interactions.values().stream()
        .filter(i -> i.token().equals(path.get(2))).findFirst();
    if (interaction.isEmpty()) {
      return Optional.of(DiscordJson.respond(404, DiscordJson.error("Unknown Webhook", 10015)));
    }
    String channel = interaction.get().channelId();
    if (path.size() == 3 && method.equals("POST")) {
      return ok(messages.create(channel, sent.json(), sent.files(), botAuthor()));
    }
    if (path.size() != 5 || !path.get(3).equals("messages")) {
      return Optional.empty();
    }
    String messageId = path.get(4).equals("@original") ? originals.get(path.get(2)) : path.get(4);
    if (messageId == null) {
      return Optional.of(MessageStore.unknown());
    }
    switch (method) {
      case "GET":
        return Optional.of(messages.get(channel, messageId));
      case "PATCH":
        return Optional.of(messages.edit(channel, messageId, sent.json(), sent.files()));
      case "DELETE":
        return Optional.of(messages.delete(channel, messageId));
      default:
        return Optional.empty();
    }
  }

  private MockResponse acknowledge(String interactionId, RecordedCall call, Sent sent) {
    InjectedInteraction interaction = interactions.get(interactionId);
    if (interaction == null || !interaction.token().equals(call.path().split("/")[3])) {
      return DiscordJson.respond(404, DiscordJson.error("Unknown interaction", 10062));
    }
    JsonNode body = sent.json();
    InteractionCallback callback = new InteractionCallback(interactionId, body.path("type").asInt(),
        body.path("data"));
    if (callbacks.putIfAbsent(interactionId, callback) != null) {
      return DiscordJson.respond(400, DiscordJson.error("Interaction has already been acknowledged.", 40060));
    }
    ObjectNode message = null;
    if (callback.type() == 4 || callback.type() == 5) {
      JsonNode data = callback.type() == 4 ? callback.data() : DiscordJson.object().put("flags", 128);
      message = messages.create(interaction.channelId(), data, callback.type() == 4 ? sent.files() : List.of(),
          botAuthor());
      message.put("type", 20).put("webhook_id", FakeGuild.APPLICATION_ID)
          .put("application_id", FakeGuild.APPLICATION_ID);
      originals.put(interaction.token(), message.get("id").asText());
    }
    if (!"true".equals(queryParameter(call.path(), "with_response"))) {
      return DiscordJson.noContent();
    }
    ObjectNode response = DiscordJson.object();
    ObjectNode i = response.putObject("interaction").put("id", interactionId).put("type", 2);
    ObjectNode resource = response.putObject("resource").put("type", callback.type());
    if (message != null) {
      i.put("response_message_id", message.get("id").asText()).put("response_message_loading", callback.type() == 5)
          .put("response_message_ephemeral", (message.path("flags").asInt() & 64) != 0);
      resource.set("message", message);
    }
    return DiscordJson.respond(200, response);
  }

  private List<JsonNode> registerCommands(String key, RecordedCall call) {
    List<JsonNode> registered = new ArrayList<>();
    for (JsonNode sent : body(call)) {
      ObjectNode c = ((ObjectNode) sent).deepCopy();
      c.put("id", ids.next()).put("application_id", FakeGuild.APPLICATION_ID).put("version", ids.next());
      if (!c.has("type")) {
        c.put("type", 1);
      }
      if (key.contains("/guilds/")) {
        c.put("guild_id", key.substring(key.lastIndexOf('/') + 1));
      }
      registered.add(c);
    }
    commands.put(key, List.copyOf(registered));
    return registered;
  }

  private static ObjectNode application() {
    ObjectNode a = DiscordJson.object();
    a.put("id", FakeGuild.APPLICATION_ID).put("name", FakeGuild.BOT.name()).putNull("icon")
        .put("description", "").put("bot_public", false).put("bot_require_code_grant", false)
        .put("verify_key", "0".repeat(64)).put("flags", 0);
    a.set("bot", FakeGuild.selfUser());
    a.set("owner", FakeGuild.user(FakeGuild.ADMIN.id(), FakeGuild.ADMIN.name(), false));
    return a;
  }

  private static ObjectNode botAuthor() {
    return FakeGuild.user(FakeGuild.BOT_USER_ID, FakeGuild.BOT.name(), true);
  }

  private static String commandKey(List<String> path) {
    return path.size() > 3 ? "guilds/" + path.get(3) : "global";
  }

  private static String shape(String segment) {
    return segment.chars().allMatch(Character::isDigit) && !segment.isEmpty() ? "ID" : segment;
  }

  private static Optional<MockResponse> ok(JsonNode body) {
    return Optional.of(DiscordJson.respond(200, body));
  }

  private static ArrayNode array(List<JsonNode> nodes) {
    ArrayNode array = DiscordJson.MAPPER.createArrayNode();
    nodes.forEach(array::add);
    return array;
  }

  private static JsonNode body(RecordedCall call) {
    return DiscordJson.parse(call.body() == null ? null : okio.ByteString.encodeUtf8(call.body()))
        .orElseGet(DiscordJson::object);
  }

  private static String queryParameter(String path, String name) {
    int q = path.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : path.substring(q + 1).split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name)) {
        return kv.length > 1 ? kv[1] : "";
      }
    }
    return null;
  }
}
