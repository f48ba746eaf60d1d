package dev.swimmy.bot.core.discord;

import java.time.Duration;

/**
 * The kinds of admin alert and their episode rules ({@link AlertEpisodes}):
 *
 * <ul>
 *   <li>{@code grace}: how long a condition must hold before it is announced (a dead webhook is
 *       final at once; a parse error may be one bad write that the next one fixes);
 *   <li>{@code quiet}: how long a condition must stay away before its recovery is announced, so a
 *       flapping one (latency hovering at the SLO) stays one episode;
 *   <li>{@code event}: an event, not a condition: it has no "cleared", so it is announced when it
 *       happens, repeats within {@code quiet} of the last one are not announced, and its episode
 *       ends silently once {@code quiet} has passed without a repeat.
 * </ul>
 *
 * A later kind is one more constant here and one more line in {@link AlertConditions}; episodes
 * are keyed by kind and subject.
 */
public enum AlertKind {
  /** A webhook was marked dead (Discord answered 404, 401 or 403); announced at once. */
  DEAD_WEBHOOK("Dead webhook", Duration.ZERO, Duration.ZERO, false),
  /** The p99 delivery latency, or the oldest pending message's wait, is over the SLO. */
  LATENCY_SLO("Delivery latency over SLO", Duration.ofMinutes(2), Duration.ofMinutes(5), false),
  /** The spool cannot commit; announced at once. */
  SPOOL_WRITE_FAILURE("Spool writes failing", Duration.ZERO, Duration.ZERO, false),
  /** A status file is there but unusable: a parse error or a schema mismatch. */
  SOURCE_BROKEN("Status source broken", Duration.ofMinutes(3), Duration.ZERO, false),
  /**
   * A required source gone STALE or MISSING (live status: while the market is open), i.e. the
   * engine looks dead. Its state already waited out the source's stale-after, so the grace is only
   * one minute against a file caught missing mid-rewrite; the quiet time keeps ticks that hover at
   * the threshold one episode.
   */
  SOURCE_DEAD("Status source silent", Duration.ofMinutes(1), Duration.ofMinutes(5), false),
  /** Any other condition the relay raises and clears itself (e.g. the invalid-request budget). */
  RELAY("Relay", Duration.ZERO, Duration.ZERO, false),
  /** Intake's PULL socket was found dead and rebuilt. */
  INTAKE_REBUILT("Notification intake rebuilt", Duration.ZERO, Duration.ofMinutes(10), true),
  /** Any other one-off event the relay reports. */
  RELAY_EVENT("Relay event", Duration.ZERO, Duration.ofMinutes(10), true);

  private final String title;
  private final Duration grace;
  private final Duration quiet;
  private final boolean event;

  AlertKind(String title, Duration grace, Duration quiet, boolean event) {
    this.title = title;
    this.grace = grace;
    this.quiet = quiet;
    this.event = event;
  }

  /** The alert's title as the admins see it. */
  public String title() {
    return title;
  }

  /** How long a condition must hold before it is announced. */
  public Duration grace() {
    return grace;
  }

  /** How long a condition must stay away before its recovery; for an event, its repeat window. */
  public Duration quiet() {
    return quiet;
  }

  /** True for a one-off event, which has no recovery. */
  public boolean isEvent() {
    return event;
  }
}
