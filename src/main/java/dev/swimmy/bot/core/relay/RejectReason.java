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
  /** A {@code schema_version} other than the integer 1. */
  BAD_SCHEMA_VERSION,
  /** An {@code action} other than {@code SEND}. */
  BAD_ACTION,
  /** A {@code type} other than {@code NOTIFIER} / {@code NOTIFY}, or a heartbeat that is not this process's. */
  BAD_TYPE,
  /** No {@code webhook}, or a blank one. */
  MISSING_WEBHOOK,
  /** A URL that is not a Discord webhook: a message can never make the bot call another address. */
  FOREIGN_WEBHOOK,
  /** A {@code webhook} naming a route that is not configured under {@code notifier.routes}. */
  UNKNOWN_ROUTE,
  /** No payload, or one that does not make a Discord JSON object. */
  BAD_PAYLOAD,
  /** More than one of {@code payload}, {@code payload_json} and {@code data}. */
  BOTH_PAYLOADS,
  /** An {@code id} that is not a non-blank string of at most 128 characters. */
  BAD_ID,
  /** A {@code timestamp} that is neither {@code YYYY-MM-DDTHH:MM:SSZ} nor a positive Lisp universal time. */
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
