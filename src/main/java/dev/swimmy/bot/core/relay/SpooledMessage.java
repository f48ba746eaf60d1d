package dev.swimmy.bot.core.relay;

import java.time.Instant;

/**
 * A committed notification as the lanes see it. {@code id} is the spool's sequence number:
 * increasing in commit order, so ordering by it is per-webhook FIFO. {@code attempts} counts the
 * sends tried so far (across restarts); {@code extras} the intake, thread and files.
 *
 * @param id the spool's sequence number
 * @param webhook where it goes
 * @param payloadJson the Discord message body
 * @param createdAt when the engine made it, else when intake received it ({@link Notification#createdAt()}); ages and latency count from it
 * @param receivedAt when intake received it
 * @param attempts sends tried so far
 * @param extras its intake, thread and files
 */
public record SpooledMessage(long id, WebhookAddress webhook, String payloadJson, Instant createdAt,
    Instant receivedAt, int attempts, MessageExtras extras) {

  /** A message with no thread and no files, from ZeroMQ. */
  public SpooledMessage(long id, WebhookAddress webhook, String payloadJson, Instant createdAt, Instant receivedAt,
      int attempts) {
    this(id, webhook, payloadJson, createdAt, receivedAt, attempts, MessageExtras.ZMQ);
  }
}
