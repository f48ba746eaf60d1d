package dev.swimmy.bot.edge.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.Attachment;
import dev.swimmy.bot.core.relay.DiscordBodyRules;
import dev.swimmy.bot.core.relay.DiscordBodyRules.Refusal;
import dev.swimmy.bot.core.relay.GroupCommit;
import dev.swimmy.bot.core.relay.Intake;
import dev.swimmy.bot.core.relay.RejectReason;
import dev.swimmy.bot.core.relay.RelayMeters;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.core.relay.WebhookCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's Execute Webhook endpoint, served by the bot so that other tools need to change only
 * the host of their webhook URL: {@code POST /api[/vN]/webhooks/{id}/{token}} with a JSON body or
 * {@code multipart/form-data} ({@code payload_json} and {@code files[n]}), over the JDK's {@link
 * HttpServer} as the admin endpoint is.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>204</b> only after the message (with its files) is committed to the spool, through the
 *       ZeroMQ intake's {@link GroupCommit} so concurrent requests share one fsync. A kill after the
 *       204 loses nothing ({@code HttpIntakeCrashTest}); a kill before it loses a request whose
 *       caller had no answer and may retry.
 *   <li>{@code ?wait=true}: the answer waits for Discord's (its status and body, the message
 *       object on success) up to {@code waitMax}, then is {@code 202} naming the queued message.
 *   <li>Refusals in Discord's shape, before anything is queued: a body Discord would refuse (400,
 *       {@code 50035} with field errors, {@code 50006}, {@code 50109}), a dead webhook (404,
 *       {@code 10015}), too large (413, {@code 40005}); a full queue or an unwritable spool is
 *       {@code 503} with {@code Retry-After}. An HTTP message is never dropped past queue-max.
 *   <li>Bounded: bodies over {@code maxBodyBytes} are refused (by {@code Content-Length} before
 *       reading, else while reading); a request must arrive whole within the JDK server's request
 *       time ({@link #READ_TIMEOUT}), else the connection is closed; {@link #THREADS} handler
 *       threads with {@link #QUEUED_MAX} connections waiting for one, past which new ones are
 *       closed (counted in {@code swimmy.notifier.http.overflow}). A handler thread reads and judges
 *       a request and goes on; the answer is written by a {@code swimmy-http-reply} thread once the
 *       commit (or Discord) has told it, so waiting callers hold no thread. At most {@link
 *       #WAITING_MAX} {@code ?wait=true} callers wait for Discord at once, past that {@code 503}.
 *   <li>The token in the path is a secret: it never reaches a log line, a metric or an error.
 * </ul>
 */
public final class HttpIntake implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpIntake.class);
  /** Discord's own upload limit for a webhook message is 10 MiB; a little more for the JSON. */
  public static final int MAX_BODY_BYTES = 11 * 1024 * 1024;
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  /** An oversized body up to this size is read to its end before the 413, beyond it the connection is cut. */
  private static final long DISCARD_MAX = 4L * MAX_BODY_BYTES;
  /**
   * Handler threads read and judge requests; none waits for a commit, so a few serve many callers.
   * More than the cores so that slow senders (each holds one until its body is read or {@link
   * #READ_TIMEOUT}) do not stall the others.
   */
  static final int THREADS = 16;
  static final int QUEUED_MAX = 1024;
  /** Threads that write the answers told by commits and by Discord. */
  static final int REPLY_THREADS = 2;
  /** {@code ?wait=true} callers that may wait for Discord's answer at once; past that 503. */
  static final int WAITING_MAX = 64;
  private static final Pattern PATH =
      Pattern.compile("/api(?:/v\\d{1,2})?/webhooks/(\\d{1,20})/([A-Za-z0-9_-]{1,128})/?");
  private static final Pattern FILE_PART = Pattern.compile("files?\\[(\\d{1,2})]|file(\\d{0,2})");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long a request may wait for its commit before it is answered 503 (the spool hangs). */
  private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

  static {
    // The JDK server closes a connection whose request (headers and body) has not arrived whole
    // in this many seconds; it reads the property once, when the first server in the process is
    // made, so an operator's -D value wins.
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(READ_TIMEOUT.toSeconds()));
    }
  }

  /** Where to listen and how long a {@code ?wait=true} caller may wait. */
  public record Settings(String host, int port, Duration waitMax, int queueMax, int maxBodyBytes) {}

  private final Settings settings;
  private final GroupCommit writer;
  private final Spool spool;
  private final RelayMeters metrics;
  private final Clock clock;
  private final DeliveryWaiters waiters = new DeliveryWaiters();
  private HttpServer server;
  private ThreadPoolExecutor executor;
  private ExecutorService replies;
  private final Semaphore discordWaits = new Semaphore(WAITING_MAX);

  public HttpIntake(Settings settings, GroupCommit writer, Spool spool, RelayMeters metrics, Clock clock) {
    this.settings = settings;
    this.writer = writer;
    this.spool = spool;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Binds and starts serving; returns the bound {@code host:port}. */
  public synchronized String start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 128);
    AtomicInteger n = new AtomicInteger();
    executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUED_MAX),
        r -> {
          Thread t = new Thread(r, "swimmy-http-intake-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        (r, pool) -> {
          metrics.httpOverflow();
          // The JDK server closes the connection when its executor refuses the exchange.
          throw new java.util.concurrent.RejectedExecutionException("http intake busy");
        });
    executor.allowCoreThreadTimeOut(true);
    AtomicInteger r = new AtomicInteger();
    replies = new ThreadPoolExecutor(REPLY_THREADS, REPLY_THREADS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        task -> {
          Thread t = new Thread(task, "swimmy-http-reply-" + r.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        // Stopped: the answer is written where it was told (never an exception into the spool writer).
        (task, pool) -> task.run());
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    String bound = settings.host() + ":" + server.getAddress().getPort();
    LOG.info("http intake listening on http://{}/api/webhooks/{id}/{token}", bound);
    return bound;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Discord's final answer for a request the webhook lanes sent (the spool ids it carried, its
   * status and body); feeds the {@code ?wait=true} callers.
   */
  public void answered(List<Long> ids, int status, String body) {
    waiters.answered(ids, status, body);
  }

  /**
   * Reads and judges the request on a handler thread; a request to queue is answered later, from
   * the commit's callback on a {@code swimmy-http-reply} thread, so no handler thread waits for a
   * commit (or for Discord).
   */
  private void handle(HttpExchange ex) {
    try {
      CompletableFuture<Answer> answer = answer(ex);
      if (answer.isDone()) {
        finish(ex, answer.getNow(null), null);
      } else {
        answer.whenCompleteAsync((a, failure) -> finish(ex, a, failure), replies);
      }
    } catch (IOException | RuntimeException e) {
      finish(ex, null, e);
    }
  }

  private static void finish(HttpExchange ex, Answer answer, Throwable failure) {
    try (ex) {
      if (failure != null) {
        throw failure instanceof IOException io ? io : new IOException(failure.getClass().getSimpleName());
      }
      respond(ex, answer);
    } catch (IOException | RuntimeException e) {
      // Never the exception's message: it may quote the URL, and the URL holds the token.
      LOG.warn("http intake request failed: {}", e.getClass().getSimpleName());
    }
  }

  private CompletableFuture<Answer> answer(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      return now(Answer.json(405, DiscordBodyRules.error(405, "405: Method Not Allowed", 0).body()));
    }
    Matcher path = PATH.matcher(ex.getRequestURI().getRawPath());
    if (!path.matches()) {
      return now(Answer.json(404, DiscordBodyRules.error(404, "404: Not Found", 0).body()));
    }
    WebhookAddress webhook = new WebhookAddress(path.group(1), new Secret(path.group(2)));
    if (isDead(webhook)) {
      metrics.rejected(Intake.HTTP, RejectReason.DEAD_WEBHOOK, 1);
      return now(refusal(DiscordBodyRules.error(404, "Unknown Webhook", 10015)));
    }
    Optional<byte[]> body = readBody(ex);
    if (body.isEmpty()) {
      metrics.rejected(Intake.HTTP, RejectReason.TOO_LARGE, 1);
      return now(refusal(DiscordBodyRules.error(413, "Request entity too large", 40005)));
    }
    Object parsed = payloadAndFiles(ex.getRequestHeaders().getFirst("Content-Type"), body.get());
    if (parsed instanceof Refusal r) {
      metrics.rejected(Intake.HTTP, RejectReason.BAD_PAYLOAD, 1);
      return now(refusal(r));
    }
    Parsed p = (Parsed) parsed;
    WebhookCall.Outcome outcome =
        WebhookCall.judge(webhook, Query.parse(ex.getRequestURI().getRawQuery()), p.payload(), p.files(),
            clock.instant());
    if (outcome instanceof WebhookCall.Refused r) {
      metrics.rejected(Intake.HTTP, RejectReason.BAD_PAYLOAD, 1);
      return now(refusal(r.refusal()));
    }
    return queue((WebhookCall.Accepted) outcome);
  }

  private static CompletableFuture<Answer> now(Answer answer) {
    return CompletableFuture.completedFuture(answer);
  }

  private boolean isDead(WebhookAddress webhook) {
    try {
      return spool.isDead(webhook.id());
    } catch (SpoolUnavailableException e) {
      return false; // the commit will fail and say so
    }
  }

  private CompletableFuture<Answer> queue(WebhookCall.Accepted accepted) {
    if (pending() >= settings.queueMax()) {
      metrics.rejected(Intake.HTTP, RejectReason.QUEUE_FULL, 1);
      return now(unavailable("The relay's queue is full (" + settings.queueMax() + " pending).", 5));
    }
    boolean wait = accepted.waitForDiscord();
    if (wait && !discordWaits.tryAcquire()) {
      metrics.rejected(Intake.HTTP, RejectReason.QUEUE_FULL, 1);
      return now(unavailable("Too many callers wait for Discord's answer (" + WAITING_MAX + ").", 1));
    }
    CompletableFuture<Long> committed = new CompletableFuture<>();
    CompletableFuture<DeliveryWaiters.Reply> reply = new CompletableFuture<>();
    boolean taken = writer.submit(accepted.notification(), new GroupCommit.Completion() {
      @Override
      public void committed(long id) {
        if (wait && id > 0) {
          waiters.await(id, reply); // before the lanes are woken, so no answer can come first
        }
        committed.complete(id);
      }

      @Override
      public void failed() {
        committed.complete(-1L);
      }
    });
    if (!taken) {
      if (wait) {
        discordWaits.release();
      }
      metrics.rejected(Intake.HTTP, RejectReason.QUEUE_FULL, 1);
      return now(unavailable("The relay is busy committing other requests.", 1));
    }
    // Runs on the spool writer's thread, so it only builds the answer; handle() writes it elsewhere.
    CompletableFuture<Answer> answer = committed
        .completeOnTimeout(-1L, COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS) // a spool that hangs
        .thenCompose(id -> id < 0 ? now(unavailable("The relay's spool cannot be written now.", 5))
            : wait ? awaitDiscord(id, reply) : now(Answer.empty(204)));
    return wait ? answer.whenComplete((a, e) -> discordWaits.release()) : answer;
  }

  private int pending() {
    try {
      return spool.pendingCount();
    } catch (SpoolUnavailableException e) {
      return 0; // the commit will fail and say so
    }
  }

  /** Discord's answer for committed message {@code id} (0: a duplicate), or 202 after {@code waitMax}. */
  private CompletableFuture<Answer> awaitDiscord(long id, CompletableFuture<DeliveryWaiters.Reply> reply) {
    if (id == 0) {
      ObjectNode queued = JSON.createObjectNode();
      queued.put("message", "Not queued: the same message went to this webhook within the dedupe window.")
          .put("code", 0).put("duplicate", true);
      return now(Answer.json(202, queued));
    }
    return reply.completeOnTimeout(null, settings.waitMax().toMillis(), TimeUnit.MILLISECONDS)
        .thenApplyAsync(r -> {
          waiters.forget(id);
          if (r != null) {
            return new Answer(r.status(), r.body().isEmpty() ? null : r.body().getBytes(StandardCharsets.UTF_8), 0);
          }
          // Discord has not answered in time; the message stays queued.
          ObjectNode queued = JSON.createObjectNode();
          queued.put("message", "Queued; Discord has not answered within " + settings.waitMax().toSeconds() + " s.")
              .put("code", 0).put("queued_id", String.valueOf(id));
          return Answer.json(202, queued);
        }, replies);
  }

  /**
   * The body, or empty when it is larger than allowed. An announced length over the cap is refused
   * unread; the rest of a body up to {@link #DISCARD_MAX} is read and thrown away first, so the
   * caller, still sending, reads our 413 instead of a reset connection.
   */
  private Optional<byte[]> readBody(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    try (InputStream in = ex.getRequestBody()) {
      long announced = length == null ? -1 : parseLength(length);
      if (announced > settings.maxBodyBytes() || length != null && announced < 0) {
        discard(in, announced);
        return Optional.empty();
      }
      byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
      if (body.length > settings.maxBodyBytes()) {
        discard(in, -1);
        return Optional.empty();
      }
      return Optional.of(body);
    }
  }

  private static long parseLength(String length) {
    try {
      return Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void discard(InputStream in, long announced) throws IOException {
    if (announced <= DISCARD_MAX) {
      byte[] sink = new byte[64 * 1024];
      long left = DISCARD_MAX;
      for (int n = in.read(sink); n > 0 && left > 0; n = in.read(sink)) {
        left -= n;
      }
    }
  }

  /** The JSON body and files of a request: a {@link Parsed}, or a {@link Refusal}. */
  private static Object payloadAndFiles(String contentType, byte[] body) {
    Optional<String> boundary = MultipartBody.boundary(contentType);
    if (boundary.isEmpty()) {
      return new Parsed(Optional.of(new String(body, StandardCharsets.UTF_8)), List.of());
    }
    Optional<List<MultipartBody.Part>> parts = MultipartBody.parse(body, boundary.get());
    if (parts.isEmpty()) {
      return DiscordBodyRules.error(400, "The request body is not valid multipart/form-data.", 50035);
    }
    Optional<String> payload = Optional.empty();
    List<Attachment> files = new ArrayList<>();
    int nextIndex = 0;
    for (MultipartBody.Part part : parts.get()) {
      if (part.name().equals("payload_json")) {
        payload = Optional.of(part.text());
        continue;
      }
      Matcher m = FILE_PART.matcher(part.name());
      if (part.filename().isPresent() && m.matches()) {
        String n = m.group(1) != null ? m.group(1) : m.group(2);
        int index = n == null || n.isEmpty() ? nextIndex : Integer.parseInt(n);
        nextIndex = Math.max(nextIndex, index + 1);
        files.add(new Attachment(index, safeName(part.filename().get()), safeType(part.contentType()), part.data()));
      }
    }
    return new Parsed(payload, files);
  }

  private static String safeName(String filename) {
    String base = filename.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
    return base.isEmpty() ? "file" : base.length() > 200 ? base.substring(0, 200) : base;
  }

  private static String safeType(String contentType) {
    return contentType.matches("[\\w.+-]+/[\\w.+-]+(\\s*;[^\\p{Cntrl}]*)?") ? contentType : "application/octet-stream";
  }

  private record Parsed(Optional<String> payload, List<Attachment> files) {}

  private static Answer refusal(Refusal r) {
    return Answer.json(r.status(), r.body());
  }

  private static Answer unavailable(String message, int retryAfterSeconds) {
    ObjectNode body = JSON.createObjectNode().put("message", message).put("code", 0)
        .put("retry_after", retryAfterSeconds);
    return new Answer(503, body.toString().getBytes(StandardCharsets.UTF_8), retryAfterSeconds);
  }

  /** A response: status, JSON body (null: none) and a {@code Retry-After} in seconds (0: none). */
  private record Answer(int status, byte[] body, int retryAfter) {
    static Answer json(int status, ObjectNode body) {
      return new Answer(status, body.toString().getBytes(StandardCharsets.UTF_8), 0);
    }

    static Answer empty(int status) {
      return new Answer(status, null, 0);
    }
  }

  private static void respond(HttpExchange ex, Answer a) throws IOException {
    if (a.retryAfter() > 0) {
      ex.getResponseHeaders().set("Retry-After", String.valueOf(a.retryAfter()));
    }
    if (a.body() == null) {
      ex.sendResponseHeaders(a.status(), -1);
      return;
    }
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(a.status(), a.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(a.body());
    }
  }

  /** Stops taking requests; those being answered get up to a second to finish. Idempotent. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(1);
      executor.shutdown();
      replies.shutdown();
      server = null;
    }
  }
}
