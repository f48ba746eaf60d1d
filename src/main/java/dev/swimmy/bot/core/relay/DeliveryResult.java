package dev.swimmy.bot.core.relay;

import java.time.Instant;

/** What one attempt to deliver a request to a webhook came to, and what the lane does next. */
public sealed interface DeliveryResult {

  /** Discord stored the message (2xx to {@code ?wait=true}). */
  record Delivered(Instant at) implements DeliveryResult {}

  /** A transient failure (network, timeout, 5xx): try again at {@code at}. */
  record RetryAt(Instant at, FailureReason reason, String detail) implements DeliveryResult {}

  /**
   * A 429: nothing may be sent into this bucket (or anywhere, when {@code global}) before {@code
   * until}. {@code invalid} says whether Discord counts it against the invalid-request limit (it
   * does not for {@code X-RateLimit-Scope: shared}).
   */
  record RateLimited(Instant until, boolean global, boolean invalid, String detail)
      implements DeliveryResult {}

  /** 401/403/404: the webhook is gone or its token is wrong; nothing more goes to it. */
  record DeadWebhook(int status, String detail) implements DeliveryResult {}

  /** 400 and other 4xx: the payload is the problem; dead-letter it with Discord's error. */
  record Rejected(int status, String discordError) implements DeliveryResult {}
}
