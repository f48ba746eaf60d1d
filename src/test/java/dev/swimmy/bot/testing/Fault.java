package dev.swimmy.bot.testing;

import java.time.Duration;

/**
 * A way the fake Discord misbehaves for one webhook request, as real Discord (or the Cloudflare in
 * front of it) does. Script them with {@link FaultScript}.
 */
public record Fault(Kind kind, Duration retryAfter) {

  public enum Kind {
    UNKNOWN_WEBHOOK,
    INVALID_WEBHOOK_TOKEN,
    MISSING_PERMISSIONS,
    INVALID_FORM_BODY,
    SERVER_ERROR,
    BAD_GATEWAY,
    SERVICE_UNAVAILABLE,
    CLOUDFLARE_RATE_LIMIT,
    GLOBAL_RATE_LIMIT,
    HANG,
    DROP_CONNECTION
  }

  /** 404 {@code {"message": "Unknown Webhook", "code": 10015}}. */
  public static final Fault UNKNOWN_WEBHOOK = of(Kind.UNKNOWN_WEBHOOK);
  /** 401 {@code {"message": "Invalid Webhook Token", "code": 50027}}. */
  public static final Fault INVALID_WEBHOOK_TOKEN = of(Kind.INVALID_WEBHOOK_TOKEN);
  /** 403 {@code {"message": "Missing Permissions", "code": 50013}}. */
  public static final Fault MISSING_PERMISSIONS = of(Kind.MISSING_PERMISSIONS);
  /** 400 {@code {"code": 50035, "message": "Invalid Form Body", "errors": {...}}}. */
  public static final Fault INVALID_FORM_BODY = of(Kind.INVALID_FORM_BODY);
  /** 500 with Discord's JSON error body. */
  public static final Fault SERVER_ERROR = of(Kind.SERVER_ERROR);
  /** 502 with an HTML body, as Cloudflare answers when Discord's origin is down. */
  public static final Fault BAD_GATEWAY = of(Kind.BAD_GATEWAY);
  /** 503 with an HTML body. */
  public static final Fault SERVICE_UNAVAILABLE = of(Kind.SERVICE_UNAVAILABLE);
  /** No response until the fake is closed (or its hang limit passes), then the socket closes. */
  public static final Fault HANG = of(Kind.HANG);
  /** The request is read, then the connection is closed without any response. */
  public static final Fault DROP_CONNECTION = of(Kind.DROP_CONNECTION);

  public Fault {
    if (retryAfter == null || retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must be zero or positive");
    }
  }

  /** A 429 from Cloudflare: HTML body (not JSON), only a {@code Retry-After} header. */
  public static Fault cloudflareRateLimit(Duration retryAfter) {
    return new Fault(Kind.CLOUDFLARE_RATE_LIMIT, retryAfter);
  }

  /** A global 429: {@code "global": true}, {@code X-RateLimit-Global}, scope {@code global}. */
  public static Fault globalRateLimit(Duration retryAfter) {
    return new Fault(Kind.GLOBAL_RATE_LIMIT, retryAfter);
  }

  private static Fault of(Kind kind) {
    return new Fault(kind, Duration.ZERO);
  }
}
