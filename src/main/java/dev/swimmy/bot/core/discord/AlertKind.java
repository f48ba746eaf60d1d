package dev.swimmy.bot.core.discord;

import java.time.Duration;

/**
 * The kinds of admin alert, each with the grace a condition must last before it is raised (a
 * dead webhook is final at once; a parse error may be one bad write that the next one fixes).
 */
public enum AlertKind {
  DEAD_WEBHOOK("Dead webhook", Duration.ZERO),
  LATENCY_SLO("Delivery latency over SLO", Duration.ofMinutes(2)),
  SPOOL_WRITE_FAILURE("Spool writes failing", Duration.ZERO),
  SOURCE_BROKEN("Status source broken", Duration.ofMinutes(3)),
  /** Any other condition the relay raises and clears itself (e.g. the invalid-request budget). */
  RELAY("Relay", Duration.ZERO);

  private final String title;
  private final Duration grace;

  AlertKind(String title, Duration grace) {
    this.title = title;
    this.grace = grace;
  }

  public String title() {
    return title;
  }

  public Duration grace() {
    return grace;
  }
}
