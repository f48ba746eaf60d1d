package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A loopback Discord for tests: webhooks with Discord's rate limits and faults, the bot REST
 * routes JDA uses, and a JSON gateway, all on {@code 127.0.0.1} on an ephemeral port.
 *
 * <p>Built on mockwebserver3: one {@link Dispatcher} routes by method and path to
 * {@link FakeWebhooks}, {@link FakeRest} and (by WebSocket upgrade) {@link FakeGateway}. Time comes
 * from the injected {@link InstantSource}, so a manual clock drives the rate-limit buckets. Closing
 * releases every hung request. Unknown routes answer 404 and are kept in {@link #unknownRoutes()}.
 */
public final class FakeDiscord implements AutoCloseable {
  /** A syntactically plausible bot token that is only valid against this fake. */
  public static final String DEFAULT_BOT_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.fake.bot-token-for-tests";

  private final InstantSource clock;
  private final String botToken;
  private final Snowflakes ids;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final MockWebServer server = new MockWebServer();
  private final List<RecordedCall> requests = new ArrayList<>();
  private final List<RecordedCall> unknownRoutes = new ArrayList<>();
  private final FakeWebhooks webhooks;
  private final MessageStore messages;
  private FakeRest rest;
  private FakeGateway gateway;
  private volatile boolean started;

  public FakeDiscord() {
    this(InstantSource.system());
  }

  public FakeDiscord(InstantSource clock) {
    this(clock, DEFAULT_BOT_TOKEN);
  }

  public FakeDiscord(InstantSource clock, String botToken) {
    this.clock = clock;
    this.botToken = botToken;
    this.ids = new Snowflakes(clock);
    this.webhooks = new FakeWebhooks(clock, ids, closing);
    this.messages = new MessageStore(clock, ids);
  }

  /** Listens on 127.0.0.1 on an ephemeral port. */
  public FakeDiscord start() throws IOException {
    server.setServerSocketFactory(new NoDelayServerSocketFactory()); // added in relay-sender, see that class
    server.setDispatcher(new Routes());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    started = true;
    gateway = new FakeGateway(botToken, gatewayUrl(), clock, ids);
    rest = new FakeRest(botToken, ids, messages, gatewayUrl());
    return this;
  }

  /** For example {@code http://127.0.0.1:PORT/api/v10} (no trailing slash). */
  public String apiBaseUrl() {
    return "http://127.0.0.1:" + port() + "/api/v10";
  }

  /** The gateway URL the fake announces; JDA appends {@code ?encoding=json&v=10}. */
  public String gatewayUrl() {
    return "ws://127.0.0.1:" + port() + "/gateway";
  }

  /** MockWebServer would start itself on "localhost" if asked for its port too early. */
  private int port() {
    if (!started) {
      throw new IllegalStateException("call start() first");
    }
    return server.getPort();
  }

  public String botToken() {
    return botToken;
  }

  public InstantSource clock() {
    return clock;
  }

  // --- webhooks -------------------------------------------------------------------------------

  /** Bucket size for webhooks registered after this call (default 5 per 2 s). */
  public FakeDiscord webhookRateLimit(int limit, Duration window) {
    webhooks.rateLimit(limit, window);
    return this;
  }

  /** Longest a {@link Fault#HANG} holds a server thread when the fake is not closed (default 2 min). */
  public FakeDiscord hangLimit(Duration limit) {
    webhooks.hangLimit(limit);
    return this;
  }

  /** Registers (or returns) the webhook with this id. Call after {@link #start()}. */
  public FakeWebhook webhook(String id, String token) {
    return webhooks.register(id, token, apiBaseUrl());
  }

  public FaultScript faults(String webhookId) {
    return webhooks.find(webhookId).orElseThrow(() -> new IllegalArgumentException("no webhook " + webhookId))
        .faults();
  }

  /** Requests, over all webhooks, that arrived while a wait announced to them was in force. */
  public int requestsInsideAnnouncedWait() {
    return webhooks.requestsInsideAnnouncedWait();
  }

  // --- recording ------------------------------------------------------------------------------

  public synchronized List<RecordedCall> requests() {
    return List.copyOf(requests);
  }

  /** Requests to routes the fake does not know (answered 404): what JDA asked that we lack. */
  public synchronized List<RecordedCall> unknownRoutes() {
    return List.copyOf(unknownRoutes);
  }

  // --- bot REST -------------------------------------------------------------------------------

  public List<JsonNode> registeredCommands() {
    return rest.commands("global");
  }

  public List<JsonNode> registeredGuildCommands(String guildId) {
    return rest.commands("guilds/" + guildId);
  }

  public Optional<InteractionCallback> interactionCallback(String interactionId) {
    return rest.callback(interactionId);
  }

  /** The message the bot created by replying to the interaction, if any. */
  public Optional<JsonNode> originalResponse(InjectedInteraction interaction) {
    return rest.originalMessageId(interaction.token())
        .flatMap(id -> message(interaction.channelId(), id));
  }

  public List<JsonNode> messages(String channelId) {
    return messages.messages(channelId);
  }

  public Optional<JsonNode> message(String channelId, String messageId) {
    return messages.find(channelId, messageId).map(JsonNode::deepCopy);
  }

  /** Every file uploaded with a message (create or edit, channel or interaction), in arrival order. */
  public List<Upload> uploads() {
    return messages.uploads().stream()
        .map(u -> new Upload(u.at(), u.channelId(), u.messageId(), u.attachmentId(), u.filename(), u.data()))
        .toList();
  }

  /** One uploaded file: the message it went to, the attachment id Discord gave it, its bytes. */
  public record Upload(java.time.Instant at, String channelId, String messageId, String attachmentId,
      String filename, byte[] data) {}

  /** Embed images that named {@code attachment://file} while their message had no such file. */
  public List<String> danglingImageReferences() {
    return messages.danglingImages().stream()
        .map(d -> d.channelId() + "/" + d.messageId() + " " + d.reference()).toList();
  }

  /** Deletes a message as a user or moderator would; the bot's next edit gets 404 10008. */
  public boolean deleteMessageAsUser(String channelId, String messageId) {
    return messages.deleteQuietly(channelId, messageId);
  }

  /** Further edits of this message get 400 30046, as for an old message edited too often. */
  public void markTooOldToEdit(String messageId) {
    messages.markTooOldToEdit(messageId);
  }

  // --- gateway --------------------------------------------------------------------------------

  public FakeDiscord heartbeatInterval(Duration interval) {
    gateway.heartbeatInterval(interval);
    return this;
  }

  /** Dispatches an INTERACTION_CREATE for a slash command on the current gateway session. */
  public InjectedInteraction injectSlashCommand(SlashCommand command) {
    InjectedInteraction interaction = new InjectedInteraction(ids.next(),
        "aW50ZXJhY3Rpb246" + ids.next(), FakeGuild.TEXT_CHANNEL_ID);
    rest.registerInteraction(interaction);
    if (!gateway.dispatch("INTERACTION_CREATE",
        gateway.interaction(interaction.id(), interaction.token(), command))) {
      throw new IllegalStateException("no gateway session to dispatch to");
    }
    return interaction;
  }

  /**
   * A member posts {@code content} in the guild's text channel, mentioning the bot when {@code
   * mentionBot} (as typing {@code @swimmy-bot} does: {@code <@id>} in the content and the bot in
   * {@code mentions}). The message is kept in the channel, and MESSAGE_CREATE goes to the bot as
   * Discord would send it ({@link FakeGateway#dispatchMessage}). Returns the message id, or empty
   * when the bot's session does not get the event (it lacks the GUILD_MESSAGES intent).
   */
  public Optional<String> postAsMember(FakeGuild.Member author, String content, boolean mentionBot) {
    String text = mentionBot ? "<@" + FakeGuild.BOT_USER_ID + "> " + content : content;
    ObjectNode m = messages.create(FakeGuild.TEXT_CHANNEL_ID, DiscordJson.object().put("content", text),
        FakeGuild.user(author.id(), author.name(), false));
    if (mentionBot) {
      ObjectNode bot = FakeGuild.user(FakeGuild.BOT_USER_ID, FakeGuild.BOT.name(), true);
      ObjectNode member = FakeGuild.member(FakeGuild.BOT, clock.instant());
      member.remove("user");
      bot.set("member", member);
      ((com.fasterxml.jackson.databind.node.ArrayNode) m.get("mentions")).add(bot);
    }
    return gateway.dispatchMessage(m, author) ? Optional.of(m.get("id").asText()) : Optional.empty();
  }

  /** Dispatches any event on the current gateway session; false if none is connected. */
  public boolean dispatch(String eventType, JsonNode data) {
    return gateway.dispatch(eventType, data);
  }

  /** Cuts the gateway connections without a close frame (a network failure). */
  public void dropGatewayConnections() {
    gateway.dropConnections();
  }

  public void closeGatewayConnections(int code, String reason) {
    gateway.closeConnections(code, reason);
  }

  /** Sends op 7 RECONNECT. */
  public void requestGatewayReconnect() {
    gateway.requestReconnect();
  }

  public int gatewayIdentifyCount() {
    return gateway.identifyCount();
  }

  public int gatewayResumeCount() {
    return gateway.resumeCount();
  }

  public int gatewayConnections() {
    return gateway.openConnections();
  }

  @Override
  public void close() throws IOException {
    closing.countDown();
    if (gateway != null) {
      gateway.dropConnections();
    }
    server.close();
  }

  /** Routes every request by method and path. Runs on the server's connection threads. */
  private final class Routes extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      HttpUrl url = request.getUrl();
      List<String> segments = url.pathSegments();
      if (!segments.isEmpty() && segments.get(0).equals("gateway")) {
        return gatewayUpgrade(request, url);
      }
      String method = request.getMethod();
      if (segments.size() < 2 || !segments.get(0).equals("api") || !segments.get(1).equals("v10")) {
        return unknown(record(request, url, List.of()));
      }
      List<String> path = segments.subList(2, segments.size());
      RecordedCall call = record(request, url, path);
      Optional<FakeWebhook> hook = path.size() == 3 && path.get(0).equals("webhooks")
          ? webhooks.find(path.get(1)) : Optional.empty();
      if (hook.isPresent() && method.equals("POST")) {
        return webhooks.execute(hook.get(), path.get(2), call, "true".equals(url.queryParameter("wait")),
            request.getBody());
      }
      Optional<MockResponse> answer = rest.handle(method, path, call, request.getBody());
      if (answer.isPresent()) {
        return answer.get();
      }
      if (!path.isEmpty() && path.get(0).equals("webhooks") && hook.isEmpty()) {
        return DiscordJson.respond(404, DiscordJson.error("Unknown Webhook", 10015));
      }
      return unknown(call);
    }

    private MockResponse gatewayUpgrade(RecordedRequest request, HttpUrl url) {
      if (url.queryParameter("compress") != null || !"json".equals(url.queryParameter("encoding"))) {
        return DiscordJson.respond(400, DiscordJson.error("The fake gateway speaks uncompressed JSON only", 0));
      }
      return new MockResponse.Builder().webSocketUpgrade(gateway.newConnection()).build();
    }

    private RecordedCall record(RecordedRequest request, HttpUrl url, List<String> path) {
      String query = url.encodedQuery() == null ? "" : "?" + url.encodedQuery();
      RecordedCall call = new RecordedCall(clock.instant(), request.getMethod(),
          "/" + String.join("/", path) + query, request.getHeaders().toMultimap(),
          request.getBody() == null ? null : request.getBody().utf8());
      synchronized (FakeDiscord.this) {
        requests.add(call);
      }
      return call;
    }

    private MockResponse unknown(RecordedCall call) {
      synchronized (FakeDiscord.this) {
        unknownRoutes.add(call);
      }
      return DiscordJson.respond(404, DiscordJson.error("404: Not Found", 0));
    }
  }
}
