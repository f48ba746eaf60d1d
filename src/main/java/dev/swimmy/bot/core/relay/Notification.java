package dev.swimmy.bot.core.relay;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification that passed validation and is ready to be committed to the spool: where it goes,
 * the Discord message body as JSON, and its times. {@code engineId} is the engine's message id when
 * the envelope carried one (a repeat of it is a duplicate whatever the payload); {@code
 * engineTime} is when the engine made it, if it said, and latency is measured from it, else from
 * {@code receivedAt}. {@code payloadHash} is {@link PayloadJson#canonicalHash} of the body,
 * computed once by the decoder; the spool dedupes on it (for a message with files it covers
 * them too). {@code extras} says which intake it came from, and holds its thread and files.
 */
public record Notification(
    WebhookAddress webhook,
    String payloadJson,
    Optional<String> engineId,
    Optional<Instant> engineTime,
    Instant receivedAt,
    String payloadHash,
    MessageExtras extras) {
  public Notification {
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(payloadJson, "payloadJson");
    Objects.requireNonNull(engineId, "engineId");
    Objects.requireNonNull(engineTime, "engineTime");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(payloadHash, "payloadHash");
    Objects.requireNonNull(extras, "extras");
  }

  /** A ZeroMQ notification (no thread, no files). */
  public Notification(WebhookAddress webhook, String payloadJson, Optional<String> engineId,
      Optional<Instant> engineTime, Instant receivedAt, String payloadHash) {
    this(webhook, payloadJson, engineId, engineTime, receivedAt, payloadHash, MessageExtras.ZMQ);
  }

  /** A notification whose payload hash is computed here. */
  public Notification(WebhookAddress webhook, String payloadJson, Optional<String> engineId,
      Optional<Instant> engineTime, Instant receivedAt) {
    this(webhook, payloadJson, engineId, engineTime, receivedAt, PayloadJson.canonicalHash(payloadJson));
  }

  /** The time latency and age are measured from. */
  public Instant createdAt() {
    return engineTime.orElse(receivedAt);
  }
}
