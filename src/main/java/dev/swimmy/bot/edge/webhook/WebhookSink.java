package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.SinkOutcome;
import dev.swimmy.bot.core.relay.WebhookAddress;

/**
 * Executes one webhook request and reports what came back, without interpreting it. Blocking; the
 * lanes call it from their worker threads. Implementations never throw for a network problem
 * (that is a {@link SinkOutcome.Failed}) and never put a token in any text they produce.
 */
public interface WebhookSink {
  SinkOutcome post(WebhookAddress webhook, String payloadJson) throws InterruptedException;
}
