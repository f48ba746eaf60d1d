package dev.swimmy.bot.core.relay;

/**
 * The lanes' port to Discord: executes one webhook request and reports what came back, without
 * interpreting it ({@link ResponseClassifier} does). Blocking; the lanes
 * call it from their worker threads. Implementations never throw for a network problem (that is a
 * {@link SinkOutcome.Failed}) and never put a token in any text they produce.
 */
public interface WebhookSink {
  /**
   * Posts {@code payloadJson} to {@code webhook} and returns what came back, uninterpreted.
   *
   * @throws InterruptedException if the thread was interrupted while waiting for the answer
   */
  SinkOutcome post(WebhookAddress webhook, String payloadJson) throws InterruptedException;

  /**
   * Posts with a thread and files: Discord's {@code ?thread_id=} and a {@code multipart/form-data}
   * body of {@code payload_json} and {@code files[n]}. A sink that cannot send them posts the JSON
   * alone, which is right only for messages with no extras.
   */
  default SinkOutcome post(WebhookAddress webhook, String payloadJson, MessageExtras extras)
      throws InterruptedException {
    return post(webhook, payloadJson);
  }
}
