package dev.swimmy.bot.core.relay;

/**
 * Why a delivery did not happen, as the {@code reason} label of {@code swimmy_notifier_failures_total}.
 * The first five follow Prometheus Alertmanager's notifier labels; the last three are the relay's own.
 */
public enum FailureReason {
  CLIENT_ERROR("clientError"),
  SERVER_ERROR("serverError"),
  RATE_LIMITED("rateLimited"),
  AUTH_ERROR("authError"),
  TIMEOUT("timeout"),
  DEAD_WEBHOOK("deadWebhook"),
  EXPIRED("expired"),
  DROPPED("dropped");

  private final String label;

  FailureReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
