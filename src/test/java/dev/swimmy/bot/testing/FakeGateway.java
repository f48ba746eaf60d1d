package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.internal.ws.RealWebSocket;

/**
 * Discord's gateway over JSON text frames without compression: HELLO, IDENTIFY (token checked,
 * 4004 when wrong), heartbeats, READY then GUILD_CREATE for {@link FakeGuild}, RESUME of a known
 * session, and dispatches the tests inject. One listener per WebSocket connection.
 */
final class FakeGateway {
  private final String botToken;
  private final String gatewayUrl;
  private final InstantSource clock;
  private final Snowflakes ids;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Set<WebSocket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger identifies = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();
  private volatile Duration heartbeatInterval = Duration.ofSeconds(41);
  private volatile Session latest;

  /** A gateway session: its id, sequence and the socket it is currently attached to. */
  private static final class Session {
    final String id;
    final AtomicInteger seq = new AtomicInteger();
    volatile WebSocket socket;
    /** The intents the client identified with; Discord sends only the events they cover. */
    volatile long intents;

    Session(String id) {
      this.id = id;
    }
  }

  FakeGateway(String botToken, String gatewayUrl, InstantSource clock, Snowflakes ids) {
    this.botToken = botToken;
    this.gatewayUrl = gatewayUrl;
    this.clock = clock;
    this.ids = ids;
  }

  WebSocketListener newConnection() {
    return new Connection();
  }

  void heartbeatInterval(Duration interval) {
    this.heartbeatInterval = interval;
  }

  int identifyCount() {
    return identifies.get();
  }

  int resumeCount() {
    return resumes.get();
  }

  int openConnections() {
    return open.size();
  }

  /**
   * Cuts every gateway connection without a close frame, as a network failure would. A server-side
   * okhttp WebSocket cannot {@code cancel()} (it has no Call), so this fails it the way its own
   * reader does on an I/O error, which closes the socket.
   */
  void dropConnections() {
    for (WebSocket ws : open) {
      open.remove(ws);
      if (ws instanceof RealWebSocket real) {
        real.failWebSocket(new IOException("connection dropped by FakeDiscord"), null, false);
      } else {
        ws.close(4000, "Unknown error");
      }
    }
  }

  /** Closes every gateway connection with a close frame carrying {@code code}. */
  void closeConnections(int code, String reason) {
    open.forEach(ws -> ws.close(code, reason));
  }

  /** Sends op 7 RECONNECT, Discord's request that the client resume on a new connection. */
  void requestReconnect() {
    open.forEach(ws -> ws.send(DiscordJson.write(DiscordJson.object().put("op", 7).putNull("d"))));
  }

  /** Dispatches {@code d} as event {@code t} on the newest session; false if none is attached. */
  boolean dispatch(String type, JsonNode data) {
    Session session = latest;
    if (session == null || session.socket == null) {
      return false;
    }
    return send(session, type, data);
  }

  static final long GUILD_MESSAGES = 1L << 9;
  static final long MESSAGE_CONTENT = 1L << 15;

  /**
   * Dispatches MESSAGE_CREATE for {@code message} (as the channel store holds it) the way Discord
   * does: only to a session that identified with GUILD_MESSAGES, and with its content, embeds and
   * attachments blanked unless the session has the privileged MESSAGE_CONTENT intent or the
   * message mentions the bot. False when the newest session would not get the event.
   */
  boolean dispatchMessage(ObjectNode message, FakeGuild.Member author) {
    Session session = latest;
    if (session == null || session.socket == null || (session.intents & GUILD_MESSAGES) == 0) {
      return false;
    }
    ObjectNode event = message.deepCopy();
    boolean mentionsBot = false;
    for (JsonNode u : event.path("mentions")) {
      mentionsBot |= FakeGuild.BOT_USER_ID.equals(u.path("id").asText());
    }
    if ((session.intents & MESSAGE_CONTENT) == 0 && !mentionsBot) {
      event.put("content", "");
      event.putArray("embeds");
      event.putArray("attachments");
    }
    ObjectNode member = FakeGuild.member(author, clock.instant());
    member.remove("user");
    event.set("member", member);
    return send(session, "MESSAGE_CREATE", event);
  }

  ObjectNode interaction(String id, String token, SlashCommand command) {
    ObjectNode i = DiscordJson.object();
    i.put("id", id).put("application_id", FakeGuild.APPLICATION_ID).put("type", 2).put("token", token)
        .put("version", 1).put("guild_id", FakeGuild.GUILD_ID).put("channel_id", FakeGuild.TEXT_CHANNEL_ID)
        .put("locale", "en-US").put("guild_locale", "en-US").put("context", 0)
        .put("app_permissions", Long.toString(FakeGuild.BOT.permissions()))
        .put("attachment_size_limit", 26_214_400);
    i.putArray("entitlements");
    i.putObject("authorizing_integration_owners").put("0", FakeGuild.GUILD_ID);
    i.putObject("guild").put("id", FakeGuild.GUILD_ID).put("locale", "en-US").putArray("features");
    i.set("channel", FakeGuild.textChannel()
        .put("permissions", Long.toString(command.member().permissions())));
    ObjectNode member = FakeGuild.member(command.member(), clock.instant());
    member.put("permissions", Long.toString(command.member().permissions()));
    i.set("member", member);
    ObjectNode data = i.putObject("data");
    data.put("id", ids.next()).put("name", command.name()).put("type", 1).put("guild_id", FakeGuild.GUILD_ID);
    ArrayNode options = data.putArray("options");
    ArrayNode target = options;
    if (command.subcommand().isPresent()) {
      ObjectNode sub = options.addObject().put("name", command.subcommand().get()).put("type", 1);
      target = sub.putArray("options");
    }
    for (Map.Entry<String, String> option : command.options().entrySet()) {
      target.addObject().put("name", option.getKey()).put("type", 3).put("value", option.getValue());
    }
    return i;
  }

  private boolean send(Session session, String type, JsonNode data) {
    synchronized (session) {
      ObjectNode frame = DiscordJson.object().put("op", 0).put("t", type).put("s", session.seq.incrementAndGet());
      frame.set("d", data);
      WebSocket socket = session.socket;
      return socket != null && socket.send(DiscordJson.write(frame));
    }
  }

  private final class Connection extends WebSocketListener {
    @Override
    public void onOpen(WebSocket ws, Response response) {
      open.add(ws);
      ObjectNode hello = DiscordJson.object().put("op", 10).putNull("s").putNull("t");
      hello.putObject("d").put("heartbeat_interval", heartbeatInterval.toMillis());
      ws.send(DiscordJson.write(hello));
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      JsonNode frame = DiscordJson.parse(okio.ByteString.encodeUtf8(text)).orElse(DiscordJson.object());
      JsonNode d = frame.path("d");
      switch (frame.path("op").asInt(-1)) {
        case 1 -> ws.send(DiscordJson.write(DiscordJson.object().put("op", 11)));
        case 2 -> identify(ws, d);
        case 6 -> resume(ws, d);
        case 3, 4, 8 -> { } // presence, voice state, member requests: accepted and ignored
        default -> ws.close(4001, "Unknown opcode.");
      }
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      open.remove(ws);
      ws.close(code, null);
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      open.remove(ws);
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, Response response) {
      open.remove(ws);
    }

    private void identify(WebSocket ws, JsonNode d) {
      if (!tokenMatches(d)) {
        ws.close(4004, "Authentication failed.");
        return;
      }
      identifies.incrementAndGet();
      Session session = new Session(ids.next() + "fakesession");
      session.intents = d.path("intents").asLong(0);
      session.socket = ws;
      sessions.put(session.id, session);
      latest = session;
      send(session, "READY", ready(session));
      send(session, "GUILD_CREATE", FakeGuild.guildCreate(clock.instant()));
    }

    private void resume(WebSocket ws, JsonNode d) {
      if (!tokenMatches(d)) {
        ws.close(4004, "Authentication failed.");
        return;
      }
      Session session = sessions.get(d.path("session_id").asText(""));
      if (session == null) {
        ws.send(DiscordJson.write(DiscordJson.object().put("op", 9).put("d", false)));
        return;
      }
      resumes.incrementAndGet();
      session.socket = ws;
      latest = session;
      ObjectNode resumed = DiscordJson.object();
      resumed.putArray("_trace").add("fake-discord");
      send(session, "RESUMED", resumed);
    }

    private boolean tokenMatches(JsonNode d) {
      String token = d.path("token").asText("");
      return botToken.equals(token.startsWith("Bot ") ? token.substring(4) : token);
    }
  }

  private ObjectNode ready(Session session) {
    ObjectNode r = DiscordJson.object();
    r.put("v", 10).put("session_id", session.id).put("resume_gateway_url", gatewayUrl)
        .put("session_type", "normal");
    r.set("user", FakeGuild.selfUser());
    r.putObject("application").put("id", FakeGuild.APPLICATION_ID).put("flags", 0);
    r.putArray("guilds").addObject().put("id", FakeGuild.GUILD_ID).put("unavailable", true);
    for (String empty : List.of("private_channels", "relationships", "presences",
        "guild_join_requests", "geo_ordered_rtc_regions")) {
      r.putArray(empty);
    }
    r.putObject("user_settings");
    r.putArray("_trace").add("fake-discord-gateway");
    return r;
  }

  Optional<String> latestSessionId() {
    return Optional.ofNullable(latest).map(s -> s.id);
  }
}
