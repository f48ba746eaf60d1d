package dev.swimmy.bot.core.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns Discord's answer to one webhook POST into what the lane does next. Pure: the same status,
 * headers, body, attempt number and {@code now} give the same result (up to the backoff's jitter).
 *
 * <p>429: wait the larger of {@code Retry-After} and the body's {@code retry_after} (a body that is
 * not JSON, as a proxy's 429 may be, falls back to the header, then to {@code
 * X-RateLimit-Reset-After}, then to one second); it is global when the body says {@code global:
 * true} or {@code X-RateLimit-Scope: global}. 401/403/404 kill the webhook; 400 and other 4xx
 * reject the payload; 5xx, 408, timeouts and network errors are retried with backoff.
 */
public final class ResponseClassifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FALLBACK_429_WAIT = Duration.ofSeconds(1);
  private static final int DETAIL_MAX = 300;

  private final Backoff backoff;

  /** A classifier whose retries wait as {@code backoff} says. */
  public ResponseClassifier(Backoff backoff) {
    this.backoff = backoff;
  }

  /** {@code attempt} counts the failed tries of this request so far (0 on the first). */
  public DeliveryResult classify(SinkOutcome outcome, int attempt, Instant now) {
    if (outcome instanceof SinkOutcome.Failed f) {
      return new DeliveryResult.RetryAt(
          now.plus(backoff.delay(attempt)),
          f.kind() == SinkOutcome.Kind.TIMEOUT ? FailureReason.TIMEOUT : FailureReason.SERVER_ERROR,
          f.detail());
    }
    return classifyReply((SinkOutcome.Replied) outcome, attempt, now);
  }

  private DeliveryResult classifyReply(SinkOutcome.Replied r, int attempt, Instant now) {
    int status = r.status();
    if (status >= 200 && status < 300) {
      return new DeliveryResult.Delivered(now);
    }
    if (status == 429) {
      return rateLimited(r, now);
    }
    if (status == 401 || status == 403 || status == 404) {
      return new DeliveryResult.DeadWebhook(status, "HTTP " + status + " " + shorten(r.body()));
    }
    if (status == 408) {
      return new DeliveryResult.RetryAt(
          now.plus(backoff.delay(attempt)), FailureReason.TIMEOUT, "HTTP 408");
    }
    if (status >= 400 && status < 500) {
      return new DeliveryResult.Rejected(status, shorten(r.body()));
    }
    return new DeliveryResult.RetryAt(
        now.plus(backoff.delay(attempt)),
        FailureReason.SERVER_ERROR,
        "HTTP " + status + " " + shorten(r.body()));
  }

  private static DeliveryResult rateLimited(SinkOutcome.Replied r, Instant now) {
    Optional<JsonNode> body = parse(r.body());
    Optional<Duration> fromHeader = r.header("Retry-After").flatMap(ResponseClassifier::seconds);
    Optional<Duration> fromBody =
        body.map(b -> b.get("retry_after"))
            .filter(JsonNode::isNumber)
            .map(n -> millis(n.asDouble()));
    Duration wait =
        max(fromHeader, fromBody)
            .or(() -> r.header("X-RateLimit-Reset-After").flatMap(ResponseClassifier::seconds))
            .orElse(FALLBACK_429_WAIT);
    boolean global =
        body.map(b -> b.path("global").asBoolean(false)).orElse(false)
            || r.headerIs("X-RateLimit-Scope", "global")
            || r.headerIs("X-RateLimit-Global", "true");
    boolean invalid = !r.headerIs("X-RateLimit-Scope", "shared");
    String detail =
        "HTTP 429 " + (global ? "global " : "") + "retry after " + wait.toMillis() + " ms"
            + (body.isEmpty() ? " (body not JSON)" : "");
    return new DeliveryResult.RateLimited(now.plus(wait), global, invalid, detail);
  }

  private static Optional<Duration> max(Optional<Duration> a, Optional<Duration> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
  }

  static Optional<Duration> seconds(String text) {
    try {
      double s = Double.parseDouble(text.trim());
      return s >= 0 && Double.isFinite(s) ? Optional.of(millis(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Duration millis(double seconds) {
    return Duration.ofMillis((long) Math.ceil(Math.max(0, seconds) * 1000));
  }

  private static Optional<JsonNode> parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private static String shorten(String body) {
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= DETAIL_MAX
        ? oneLine
        : oneLine.substring(0, DETAIL_MAX) + "…";
  }
}
