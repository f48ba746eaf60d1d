package dev.swimmy.bot.core.relay;

/**
 * Why a delivery attempt did not get a 2xx, as the {@code reason} label of {@code
 * swimmy_notifier_delivery_errors_total} and in each webhook's last error. Every reason but {@link
 * #RATE_LIMITED} is an error ({@link RelayFigures#isError}); the labels follow Prometheus
 * Alertmanager's notifier labels, plus the relay's own {@code deadWebhook}.
 */
public enum FailureReason {
  /** 400: Discord refused the payload; that message is dead-lettered. */
  CLIENT_ERROR("clientError"),
  /** 5xx: retried with backoff. */
  SERVER_ERROR("serverError"),
  /** 429: counted as {@code rate_limited}, not as an error; the request waits and goes again. */
  RATE_LIMITED("rateLimited"),
  /** 401/403: the webhook is dead. */
  AUTH_ERROR("authError"),
  /** No answer (network error, timeout, 408): retried with backoff. */
  TIMEOUT("timeout"),
  /** 404 Unknown Webhook: the webhook is dead. */
  DEAD_WEBHOOK("deadWebhook");

  private final String label;

  FailureReason(String label) {
    this.label = label;
  }

  /** The name of the {@code reason} tag on the delivery-error metric. */
  public String label() {
    return label;
  }
}
