package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Discord's per-route rate limits as the relay has learnt them from {@code X-RateLimit-*} headers,
 * so a lane waits <em>before</em> sending instead of learning from a 429. Webhooks that Discord puts
 * in the same bucket ({@code X-RateLimit-Bucket}) share one count. A request is reserved before it
 * goes out and counted as in flight until its answer arrives, so two lanes on a shared bucket cannot
 * both spend its last slot. Thread-safe (one lock; every method is a few map operations).
 */
public final class RateLimitState {
  /** When a bucket's window has passed but no answer has told us the new one, wait this long. */
  private static final Duration UNKNOWN_WINDOW_WAIT = Duration.ofMillis(20);

  private final Map<String, String> bucketOfWebhook = new HashMap<>();
  private final Map<String, Bucket> buckets = new HashMap<>();

  /** One bucket: its limit, what Discord last said remains, when it resets, and our sends in flight. */
  static final class Bucket {
    int limit = 1;
    int remaining = 1;
    Instant resetAt = Instant.MIN;
    Instant blockedUntil = Instant.MIN;
    int inFlight;
    boolean known;
  }

  /**
   * Reserves one request for {@code webhookId} if its bucket allows it now; otherwise returns when
   * to try again. Unknown buckets allow one request at a time until an answer describes them.
   */
  public synchronized Optional<Instant> tryReserve(String webhookId, Instant now) {
    Bucket b = bucketFor(webhookId);
    if (now.isBefore(b.blockedUntil)) {
      return Optional.of(b.blockedUntil);
    }
    if (!b.known) {
      if (b.inFlight > 0) {
        return Optional.of(now.plus(UNKNOWN_WINDOW_WAIT));
      }
      b.inFlight++;
      return Optional.empty();
    }
    boolean windowOpen = now.isBefore(b.resetAt);
    int available = (windowOpen ? b.remaining : b.limit) - b.inFlight;
    if (available > 0) {
      b.inFlight++;
      return Optional.empty();
    }
    return Optional.of(windowOpen ? b.resetAt : now.plus(UNKNOWN_WINDOW_WAIT));
  }

  /** Gives back a reservation whose request was never sent. */
  public synchronized void cancel(String webhookId) {
    Bucket b = bucketFor(webhookId);
    b.inFlight = Math.max(0, b.inFlight - 1);
  }

  /**
   * Learns from an answer to a reserved request (any status, or none: pass an empty outcome for a
   * network failure so the reservation is released).
   */
  public synchronized void observe(String webhookId, Optional<SinkOutcome.Replied> reply, Instant now) {
    Bucket b = bucketFor(webhookId);
    b.inFlight = Math.max(0, b.inFlight - 1);
    if (reply.isEmpty()) {
      return;
    }
    SinkOutcome.Replied r = reply.get();
    Optional<String> key = r.header("X-RateLimit-Bucket").filter(s -> !s.isEmpty());
    if (key.isPresent() && !key.get().equals(bucketOfWebhook.get(webhookId))) {
      Bucket shared = buckets.computeIfAbsent("bucket:" + key.get(), k -> new Bucket());
      shared.inFlight += b.inFlight;
      shared.blockedUntil = later(shared.blockedUntil, b.blockedUntil);
      bucketOfWebhook.put(webhookId, "bucket:" + key.get());
      b = shared;
    }
    Optional<Integer> limit = r.header("X-RateLimit-Limit").flatMap(RateLimitState::integer);
    Optional<Integer> remaining = r.header("X-RateLimit-Remaining").flatMap(RateLimitState::integer);
    Optional<Duration> resetAfter =
        r.header("X-RateLimit-Reset-After").flatMap(ResponseClassifier::seconds);
    if (limit.isPresent() && remaining.isPresent() && resetAfter.isPresent()) {
      Instant resetAt = now.plus(resetAfter.get());
      boolean sameWindow = b.known && !resetAt.isAfter(b.resetAt.plusMillis(50)) && now.isBefore(b.resetAt);
      b.limit = Math.max(1, limit.get());
      // Answers can arrive out of order on a shared bucket: within one window trust the lowest count.
      b.remaining = sameWindow ? Math.min(b.remaining, remaining.get()) : remaining.get();
      b.resetAt = sameWindow ? later(b.resetAt, resetAt) : resetAt;
      b.known = true;
    }
  }

  /** A 429 for this webhook's bucket: nothing goes into it before {@code until}. */
  public synchronized void block(String webhookId, Instant until) {
    Bucket b = bucketFor(webhookId);
    b.blockedUntil = later(b.blockedUntil, until);
  }

  /** The earliest time this webhook's bucket may take a request (now or earlier means now). */
  public synchronized Instant readyAt(String webhookId) {
    Bucket b = bucketFor(webhookId);
    Instant ready = b.blockedUntil;
    if (b.known && b.remaining - b.inFlight <= 0) {
      ready = later(ready, b.resetAt);
    }
    return ready;
  }

  private Bucket bucketFor(String webhookId) {
    String key = bucketOfWebhook.computeIfAbsent(webhookId, id -> "webhook:" + id);
    return buckets.computeIfAbsent(key, k -> new Bucket());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Optional<Integer> integer(String s) {
    try {
      return Optional.of(Integer.parseInt(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
