package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * Discord's execute-webhook endpoint, {@code POST /webhooks/{id}/{token}[?wait=true]}: token
 * check, per-bucket rate limit with Discord's headers, global limit, scripted faults and payload
 * validation. Every arrival is checked against the waits the fake announced to that webhook.
 */
final class FakeWebhooks {
  private static final String CLOUDFLARE_HTML =
      "<!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare to restrict"
          + " access</title></head><body><h1>Error 1015</h1><p>You are being rate limited</p></body></html>";

  private final InstantSource clock;
  private final Snowflakes ids;
  private final CountDownLatch closing;
  private final Map<String, FakeWebhook> hooks = new ConcurrentHashMap<>();
  private final AtomicInteger insideAnnouncedWait = new AtomicInteger();
  private volatile int limit = 5;
  private volatile Duration window = Duration.ofSeconds(2);
  private volatile Duration hangLimit = Duration.ofMinutes(2);
  private Instant globalUntil = Instant.MIN;

  FakeWebhooks(InstantSource clock, Snowflakes ids, CountDownLatch closing) {
    this.clock = clock;
    this.ids = ids;
    this.closing = closing;
  }

  void rateLimit(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  void hangLimit(Duration hangLimit) {
    this.hangLimit = hangLimit;
  }

  FakeWebhook register(String id, String token, String baseUrl) {
    return hooks.computeIfAbsent(id, k -> new FakeWebhook(id, token, baseUrl,
        new RateLimitBucket(Integer.toHexString(id.hashCode()) + "a1b2c3d4", limit, window)));
  }

  Optional<FakeWebhook> find(String id) {
    return Optional.ofNullable(hooks.get(id));
  }

  int requestsInsideAnnouncedWait() {
    return insideAnnouncedWait.get();
  }

  MockResponse execute(FakeWebhook hook, String token, RecordedCall call, boolean wait) {
    return execute(hook, token, call, wait, call.body() == null ? null : okio.ByteString.encodeUtf8(call.body()));
  }

  /** As Discord: the body is JSON, or {@code multipart/form-data} with {@code payload_json} and files. */
  MockResponse execute(FakeWebhook hook, String token, RecordedCall call, boolean wait, okio.ByteString raw) {
    Instant now = call.at();
    if (hook.arrive(call, globalUntil())) {
      insideAnnouncedWait.incrementAndGet();
    }
    if (!hook.tokenMatches(token)) {
      return DiscordJson.respond(401, DiscordJson.error("Invalid Webhook Token", 50027));
    }
    Instant global = globalUntil();
    if (now.isBefore(global)) {
      return globalRateLimited(Duration.between(now, global));
    }
    Optional<Fault> fault = hook.faults().take();
    if (fault.isPresent()) {
      return faulted(hook, fault.get(), now);
    }
    RateLimitBucket.Decision decision = hook.bucket().take(now);
    if (!decision.allowed() || decision.remaining() == 0) {
      hook.announceWaitUntil(decision.resetAt());
    }
    if (!decision.allowed()) {
      return withBucketHeaders(rateLimited(decision.resetAfter(), false), decision)
          .setHeader("X-RateLimit-Scope", "user").build();
    }
    return withBucketHeaders(accept(hook, call.header("Content-Type"), raw, wait), decision).build();
  }

  private MockResponse.Builder accept(FakeWebhook hook, String contentType, okio.ByteString raw, boolean wait) {
    Optional<FakeMultipart> multipart = FakeMultipart.read(contentType, raw);
    if (multipart.isPresent() && multipart.get().malformed()) {
      return DiscordJson.respond(400, DiscordJson.error("Invalid Form Body", 50035)).newBuilder();
    }
    List<FakeWebhook.File> files = multipart.map(FakeMultipart::files).orElse(List.of());
    Optional<JsonNode> body = multipart.isPresent()
        ? multipart.get().payloadJson().map(okio.ByteString::encodeUtf8).map(DiscordJson::parse)
            .orElse(Optional.of(DiscordJson.object()))
        : DiscordJson.parse(raw);
    if (body.isEmpty()) {
      return DiscordJson.respond(400, DiscordJson.error("The request body contains invalid JSON.", 50109))
          .newBuilder();
    }
    Optional<ObjectNode> problem = files.isEmpty() ? DiscordPayloadRules.check(body.get()) : Optional.empty();
    if (problem.isPresent()) {
      return DiscordJson.respond(400, problem.get()).newBuilder();
    }
    hook.accept(body.get(), files);
    return wait ? DiscordJson.respond(200, message(hook, body.get(), files)).newBuilder()
        : DiscordJson.noContent().newBuilder();
  }

  private ObjectNode message(FakeWebhook hook, JsonNode body, List<FakeWebhook.File> files) {
    ObjectNode m = DiscordJson.object();
    m.put("id", ids.next()).put("type", 0).put("channel_id", "1000000000000000001");
    m.put("content", body.path("content").asText(""));
    m.putObject("author").put("id", hook.id()).put("username", body.path("username").asText("Fake Webhook"))
        .put("discriminator", "0000").put("bot", true).putNull("avatar");
    m.set("embeds", body.has("embeds") ? body.get("embeds") : DiscordJson.MAPPER.createArrayNode());
    com.fasterxml.jackson.databind.node.ArrayNode attachments = m.putArray("attachments");
    for (FakeWebhook.File f : files) {
      attachments.addObject().put("id", ids.next()).put("filename", f.filename()).put("size", f.data().length)
          .put("content_type", f.contentType())
          .put("url", "https://cdn.discordapp.com/attachments/1000000000000000001/0/" + f.filename());
    }
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("components");
    m.put("pinned", false).put("mention_everyone", false).put("tts", false).put("flags", 0);
    m.put("timestamp", DiscordJson.timestamp(clock.instant())).putNull("edited_timestamp");
    m.put("webhook_id", hook.id());
    return m;
  }

  private MockResponse faulted(FakeWebhook hook, Fault fault, Instant now) {
    switch (fault.kind()) {
      case UNKNOWN_WEBHOOK:
        return DiscordJson.respond(404, DiscordJson.error("Unknown Webhook", 10015));
      case INVALID_WEBHOOK_TOKEN:
        return DiscordJson.respond(401, DiscordJson.error("Invalid Webhook Token", 50027));
      case MISSING_PERMISSIONS:
        return DiscordJson.respond(403, DiscordJson.error("Missing Permissions", 50013));
      case INVALID_FORM_BODY:
        ObjectNode errors = DiscordJson.object();
        errors.putObject("content").putArray("_errors").addObject()
            .put("code", "BASE_TYPE_BAD_LENGTH").put("message", "Must be between 1 and 2000 in length.");
        return DiscordJson.respond(400, DiscordPayloadRules.invalid(errors));
      case SERVER_ERROR:
        return DiscordJson.respond(500, DiscordJson.error("500: Internal Server Error", 0));
      case BAD_GATEWAY:
        return html(502, "<html><head><title>502 Bad Gateway</title></head><body>cloudflare</body></html>");
      case SERVICE_UNAVAILABLE:
        return html(503, "<html><head><title>503 Service Unavailable</title></head><body>upstream connect error</body></html>");
      case CLOUDFLARE_RATE_LIMIT:
        hook.announceWaitUntil(now.plus(fault.retryAfter()));
        return html(429, CLOUDFLARE_HTML).newBuilder()
            .setHeader("Retry-After", ceilSeconds(fault.retryAfter())).build();
      case GLOBAL_RATE_LIMIT:
        announceGlobalWait(now.plus(fault.retryAfter()));
        return globalRateLimited(fault.retryAfter());
      case HANG:
        awaitClosingOrHangLimit();
        return dropConnection();
      case DROP_CONNECTION:
        return dropConnection();
      default:
        throw new IllegalStateException("unhandled fault " + fault);
    }
  }

  private MockResponse globalRateLimited(Duration retryAfter) {
    return rateLimited(retryAfter, true)
        .setHeader("X-RateLimit-Global", "true")
        .setHeader("X-RateLimit-Scope", "global")
        .build();
  }

  private static MockResponse.Builder rateLimited(Duration retryAfter, boolean global) {
    ObjectNode body = DiscordJson.object().put("message", "You are being rate limited.")
        .put("retry_after", seconds(retryAfter)).put("global", global);
    return DiscordJson.respond(429, body).newBuilder().setHeader("Retry-After", ceilSeconds(retryAfter));
  }

  private static MockResponse.Builder withBucketHeaders(MockResponse.Builder response,
      RateLimitBucket.Decision d) {
    return response
        .setHeader("X-RateLimit-Limit", d.limit())
        .setHeader("X-RateLimit-Remaining", d.remaining())
        .setHeader("X-RateLimit-Reset", String.format(java.util.Locale.ROOT, "%d.%03d",
            d.resetAt().getEpochSecond(), d.resetAt().getNano() / 1_000_000))
        .setHeader("X-RateLimit-Reset-After", String.format(java.util.Locale.ROOT, "%.3f", seconds(d.resetAfter())))
        .setHeader("X-RateLimit-Bucket", d.bucket());
  }

  private static MockResponse html(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/html")
        .body(body).build();
  }

  static MockResponse dropConnection() {
    return new MockResponse.Builder()
        .onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
  }

  private void awaitClosingOrHangLimit() {
    try {
      closing.await(hangLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized Instant globalUntil() {
    return globalUntil;
  }

  private synchronized void announceGlobalWait(Instant until) {
    if (until.isAfter(globalUntil)) {
      globalUntil = until;
    }
  }

  private static double seconds(Duration d) {
    return Math.round(d.toNanos() / 1_000_000.0) / 1000.0;
  }

  private static long ceilSeconds(Duration d) {
    long whole = d.getSeconds();
    return d.getNano() > 0 ? whole + 1 : Math.max(whole, 0);
  }
}
