package dev.swimmy.bot.core.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.swimmy.bot.core.relay.Decoded.Accepted;
import dev.swimmy.bot.core.relay.Decoded.Heartbeat;
import dev.swimmy.bot.core.relay.Decoded.Rejected;
import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.sexp.SexpParseException;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.core.sexp.SexpView;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one ZeroMQ frame into a {@link Decoded}: the envelope of SPEC.md as an S-expression alist
 * or a JSON object, with {@code type} (or its old alias {@code NOTIFY}, or none in the legacy
 * {@code webhook} + {@code data} form), {@code schema_version} (absent means 1), {@code action}
 * (absent means SEND), a Discord webhook URL or a route name, exactly one of {@code payload} /
 * {@code payload_json} / {@code data}, and the optional {@code id} and {@code timestamp}.
 *
 * <p>Pure and total: any byte string gives a value, never an exception. The relay's own heartbeat
 * frame (made by {@link #heartbeatFrame}) is recognised by its per-process nonce and is never an
 * accepted notification.
 */
public final class EnvelopeDecoder {
  /** Seconds between the Lisp epoch (1900-01-01Z) and the Unix epoch. */
  public static final long UNIVERSAL_TIME_OFFSET = 2_208_988_800L;

  static final String HEARTBEAT_TYPE = "SWIMMY_HEARTBEAT";
  private static final int MAX_DEPTH = 32;
  private static final int MAX_ID_CHARS = 128;
  /** How many checked webhook URLs are remembered; the engine uses a handful of them. */
  private static final int CHECKED_URLS_MAX = 64;

  private final Map<String, WebhookAddress> routes;
  private final Set<String> proxyAuthorities;
  private final int maxFrameBytes;
  private final String heartbeatNonce;
  private final SexpReader reader;
  /** Webhook URLs already checked, to their address (evicted on the caller's thread). */
  private final Cache<String, WebhookAddress> checkedUrls =
      Caffeine.newBuilder().maximumSize(CHECKED_URLS_MAX).executor(Runnable::run).build();

  /**
   * A decoder for envelopes that name a Discord webhook URL or one of {@code routes}.
   *
   * @param routes route name to webhook, copied; an envelope naming an unknown route is rejected
   * @param maxFrameBytes the largest frame accepted, in bytes; larger frames are rejected as
   *     {@link RejectReason#TOO_LARGE}. Also bounds the S-expression reader
   * @param heartbeatNonce this process's nonce, which marks a frame as the relay's own heartbeat
   * @throws IllegalArgumentException if {@code maxFrameBytes} is not positive
   * @throws NullPointerException if {@code heartbeatNonce} is null
   */
  public EnvelopeDecoder(Map<String, WebhookAddress> routes, int maxFrameBytes, String heartbeatNonce) {
    this(routes, Set.of(), maxFrameBytes, heartbeatNonce);
  }

  /**
   * A decoder that also takes the bot's own HTTP intake URL at one of {@code proxyAuthorities}
   * ({@code host:port}) as the webhook it names (see {@link WebhookAddress#parse(String, Set)}).
   */
  public EnvelopeDecoder(Map<String, WebhookAddress> routes, Set<String> proxyAuthorities, int maxFrameBytes,
      String heartbeatNonce) {
    if (maxFrameBytes < 1) {
      throw new IllegalArgumentException("maxFrameBytes must be positive");
    }
    this.routes = Map.copyOf(routes);
    this.proxyAuthorities = Set.copyOf(proxyAuthorities);
    this.maxFrameBytes = maxFrameBytes;
    this.heartbeatNonce = Objects.requireNonNull(heartbeatNonce, "heartbeatNonce");
    this.reader = new SexpReader(new SexpLimits(maxFrameBytes, MAX_DEPTH));
  }

  /** The frame the relay pushes to its own endpoint to prove intake works. */
  public static byte[] heartbeatFrame(String nonce, long sequence) {
    return ("((type . \"" + HEARTBEAT_TYPE + "\") (nonce . \"" + nonce + "\") (seq . " + sequence + "))")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes and validates one frame.
   *
   * <p>Total: any byte string, including invalid UTF-8, gives {@link Decoded.Accepted},
   * {@link Decoded.Heartbeat} or {@link Decoded.Rejected} with its {@link RejectReason}; nothing a
   * frame holds is thrown.
   *
   * @param frame the raw frame bytes, not null
   * @param receivedAt when intake took the frame; stamped on the notification
   */
  public Decoded decode(byte[] frame, Instant receivedAt) {
    if (frame.length > maxFrameBytes) {
      return reject(RejectReason.TOO_LARGE, frame);
    }
    try {
      Optional<String> text = utf8(frame);
      if (text.isEmpty()) {
        return reject(RejectReason.UNPARSEABLE, frame);
      }
      Optional<Envelope> envelope = envelope(text.get());
      if (envelope.isEmpty()) {
        return reject(RejectReason.UNPARSEABLE, frame);
      }
      return validate(envelope.get(), receivedAt, frame);
    } catch (RuntimeException e) {
      // The reader and Jackson report bad input as values or checked exceptions; this is a guard
      // so that nothing a frame holds can escape into the loop.
      return reject(RejectReason.UNPARSEABLE, frame);
    }
  }

  private Decoded validate(Envelope env, Instant receivedAt, byte[] frame) {
    Optional<String> type = env.text("type");
    if (type.isPresent() && type.get().equalsIgnoreCase(HEARTBEAT_TYPE)) {
      return heartbeat(env, frame);
    }
    boolean legacy = type.isEmpty() && !env.has("type") && env.has("data");
    if (!legacy && !type.map(t -> t.equalsIgnoreCase("NOTIFIER") || t.equalsIgnoreCase("NOTIFY")).orElse(false)) {
      return reject(RejectReason.BAD_TYPE, frame);
    }
    if (env.has("schema_version") && !env.isInteger("schema_version", 1)) {
      return reject(RejectReason.BAD_SCHEMA_VERSION, frame);
    }
    if (env.has("action") && !env.text("action").map(a -> a.equalsIgnoreCase("SEND")).orElse(false)) {
      return reject(RejectReason.BAD_ACTION, frame);
    }
    Object webhook = webhook(env);
    if (webhook instanceof RejectReason r) {
      return reject(r, frame);
    }
    Object payload = payload(env);
    if (payload instanceof RejectReason r) {
      return reject(r, frame);
    }
    Optional<String> id = env.text("id");
    if (env.present("id") && (id.isEmpty() || id.get().isBlank() || id.get().length() > MAX_ID_CHARS)) {
      return reject(RejectReason.BAD_ID, frame);
    }
    Optional<Instant> time = env.present("timestamp") ? timestamp(env) : Optional.empty();
    if (env.present("timestamp") && time.isEmpty()) {
      return reject(RejectReason.BAD_TIMESTAMP, frame);
    }
    PayloadJson.Body body = (PayloadJson.Body) payload;
    return new Accepted(
        new Notification((WebhookAddress) webhook, body.json(), id, time, receivedAt, body.hash()));
  }

  private Decoded heartbeat(Envelope env, byte[] frame) {
    Optional<Long> seq = env.longValue("seq");
    if (env.text("nonce").filter(heartbeatNonce::equals).isPresent() && seq.isPresent()) {
      return new Heartbeat(seq.get());
    }
    return reject(RejectReason.BAD_TYPE, frame);
  }

  /** A {@link WebhookAddress}, or the reason there is none. */
  private Object webhook(Envelope env) {
    Optional<String> text = env.text("webhook").map(String::strip).filter(s -> !s.isEmpty());
    if (text.isEmpty()) {
      return RejectReason.MISSING_WEBHOOK;
    }
    String value = text.get();
    if (value.contains(":") || value.contains("/")) {
      return url(value);
    }
    WebhookAddress route = routes.get(value);
    return route != null ? route : RejectReason.UNKNOWN_ROUTE;
  }

  private Object url(String value) {
    WebhookAddress known = checkedUrls.getIfPresent(value);
    if (known != null) {
      return known;
    }
    Optional<WebhookAddress> parsed = WebhookAddress.parse(value, proxyAuthorities);
    if (parsed.isEmpty()) {
      return RejectReason.FOREIGN_WEBHOOK;
    }
    checkedUrls.put(value, parsed.get());
    return parsed.get();
  }

  /** The payload as a {@link PayloadJson.Body}, or the reason there is none. */
  private static Object payload(Envelope env) {
    int given = (env.has("payload") ? 1 : 0) + (env.has("payload_json") ? 1 : 0) + (env.has("data") ? 1 : 0);
    if (given > 1) {
      return RejectReason.BOTH_PAYLOADS;
    }
    Optional<PayloadJson.Body> body;
    if (env.has("payload_json")) {
      body = env.text("payload_json").flatMap(PayloadJson::objectFromText).map(PayloadJson::bodyFromJson);
    } else if (env.has("payload")) {
      body = env.objectBody("payload");
    } else {
      body = env.objectBody("data");
    }
    return body.filter(b -> !"{}".equals(b.json())).<Object>map(b -> b).orElse(RejectReason.BAD_PAYLOAD);
  }

  private static Optional<Instant> timestamp(Envelope env) {
    Optional<String> text = env.text("timestamp");
    if (text.isPresent()) {
      return UtcTime.parse(text.get());
    }
    return env.longValue("timestamp")
        .filter(ut -> ut > 0 && ut < 100_000_000_000L)
        .map(ut -> Instant.ofEpochSecond(ut - UNIVERSAL_TIME_OFFSET));
  }

  private Optional<Envelope> envelope(String text) {
    String body = text.strip();
    if (body.startsWith("\uFEFF")) {
      body = body.substring(1).strip();
    }
    if (body.startsWith("{")) {
      return PayloadJson.tree(body).filter(JsonNode::isObject).map(JsonEnvelope::new);
    }
    if (!body.startsWith("(")) {
      return Optional.empty();
    }
    try {
      return SexpView.asMap(reader.read(body)).map(SexpEnvelope::new);
    } catch (SexpParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> utf8(byte[] frame) {
    if (isAscii(frame)) {
      // ASCII is valid UTF-8 and the same characters in Latin-1, which is a plain copy.
      return Optional.of(new String(frame, StandardCharsets.ISO_8859_1));
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(frame))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean isAscii(byte[] frame) {
    for (byte b : frame) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static Rejected reject(RejectReason reason, byte[] frame) {
    return new Rejected(reason, Redaction.preview(frame));
  }

  /** The fields of an envelope, whichever syntax it came in; keys match as SexpMap's do. */
  private interface Envelope {
    /** The key is there, even with a nil / null value. */
    boolean has(String key);

    /** The key is there with a value other than nil / null. */
    boolean present(String key);

    /** A string value; a symbol in an S-expression counts, by its lower-case name. */
    Optional<String> text(String key);

    /** An integer value that fits a {@code long}; empty for any other value or none. */
    Optional<Long> longValue(String key);

    /** Whether the value is the integer {@code expected}. */
    default boolean isInteger(String key, long expected) {
      return longValue(key).filter(v -> v == expected).isPresent();
    }

    /** The value as a Discord JSON object with its canonical hash, if it is one. */
    Optional<PayloadJson.Body> objectBody(String key);
  }

  private record SexpEnvelope(SexpMap map) implements Envelope {
    @Override
    public boolean has(String key) {
      return map.has(key);
    }

    @Override
    public boolean present(String key) {
      return map.get(key) != null;
    }

    @Override
    public Optional<String> text(String key) {
      return map.string(key);
    }

    @Override
    public Optional<Long> longValue(String key) {
      return map.get(key) instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    @Override
    public Optional<PayloadJson.Body> objectBody(String key) {
      return map.map(key).map(PayloadJson::bodyFromSexp);
    }
  }

  private record JsonEnvelope(JsonNode node, Map<String, String> keys) implements Envelope {
    JsonEnvelope(JsonNode node) {
      this(node, normalisedKeys(node));
    }

    private static Map<String, String> normalisedKeys(JsonNode node) {
      Map<String, String> out = new java.util.HashMap<>();
      node.fieldNames().forEachRemaining(k -> out.putIfAbsent(SexpMap.normalize(k), k));
      return out;
    }

    private JsonNode get(String key) {
      String actual = keys.get(SexpMap.normalize(key));
      return actual == null ? null : node.get(actual);
    }

    @Override
    public boolean has(String key) {
      return get(key) != null;
    }

    @Override
    public boolean present(String key) {
      JsonNode v = get(key);
      return v != null && !v.isNull();
    }

    @Override
    public Optional<String> text(String key) {
      JsonNode v = get(key);
      return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    @Override
    public Optional<Long> longValue(String key) {
      JsonNode v = get(key);
      return v != null && v.isIntegralNumber() && v.bigIntegerValue().bitLength() < 64
          ? Optional.of(v.longValue())
          : Optional.empty();
    }

    @Override
    public Optional<PayloadJson.Body> objectBody(String key) {
      JsonNode v = get(key);
      return v != null && v.isObject() ? Optional.of(PayloadJson.bodyFromJson(PayloadJson.write(v))) : Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "EnvelopeDecoder[routes=" + routes.keySet() + ", maxFrameBytes=" + maxFrameBytes + "]";
  }
}
