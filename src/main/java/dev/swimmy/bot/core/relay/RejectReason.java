package dev.swimmy.bot.core.relay;

import java.util.Locale;

/**
 * Why a frame (or an HTTP request) was not queued. The lower-case name is the {@code reason} label of {@code
 * swimmy_notifier_rejected_total}, so the set is closed and small on purpose.
 */
public enum RejectReason {
  /** Not UTF-8, not an S-expression or JSON object, or not an alist / object. */
  UNPARSEABLE,
  /** Over {@code notifier.max-frame-bytes}. */
  TOO_LARGE,
  /** A ZeroMQ message of more than one frame; the protocol is one frame per envelope. */
  MULTIPART,
  BAD_SCHEMA_VERSION,
  BAD_ACTION,
  BAD_TYPE,
  MISSING_WEBHOOK,
  /** A URL that is not a Discord webhook: a message can never make the bot call another address. */
  FOREIGN_WEBHOOK,
  UNKNOWN_ROUTE,
  /** No payload, or one that does not make a Discord JSON object. */
  BAD_PAYLOAD,
  BOTH_PAYLOADS,
  BAD_ID,
  BAD_TIMESTAMP,
  /** Valid, but the spool could not commit it: it was never acknowledged as queued. */
  SPOOL_UNAVAILABLE,
  /** HTTP only: queue-max messages pending; the caller was told 503 with Retry-After. */
  QUEUE_FULL,
  /** HTTP only: the webhook is marked dead; the caller was told Discord's 404 (10015). */
  DEAD_WEBHOOK;

  /** The metric label: {@code foreign_webhook}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
