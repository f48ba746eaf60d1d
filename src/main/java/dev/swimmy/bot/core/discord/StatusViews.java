package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.status.Issue;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.SourceState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the bot needs from the status side: the rendered {@code /status} message of a section, and
 * each source's current state (for the panel's "changed right away" and for admin alerts).
 * Implemented over {@code StatusService} by the wiring; calls must be cheap (cached
 * snapshots, no file reads on the caller's thread where avoidable).
 */
public interface StatusViews {
  /** The {@code /status} message of {@code section}, within Discord's limits. */
  Message status(StatusSection section);

  /** Source name (e.g. {@code live-status}) to its state; iteration order is display order. */
  Map<String, SourceCondition> sourceStates();

  /**
   * A source's state, e.g. {@code OK}, {@code STALE}, {@code PARSE_ERROR}, {@code
   * SCHEMA_MISMATCH}, {@code MISSING}, {@code CLOCK_SKEW}, with a short human detail (may be "").
   *
   * @param silence whether the source counts as a dead engine ({@link Silence})
   * @param lastTime the own time of the newest snapshot the bot has of it; null when it has none
   */
  record SourceCondition(String state, String detail, Silence silence, Instant lastTime) {
    /** A source that is not silent (or whose silence is not known), with no last time. */
    public SourceCondition(String state, String detail) {
      this(state, detail, Silence.NONE, null);
    }

    public SourceCondition {
      Objects.requireNonNull(silence, "silence");
    }

    /**
     * A report as the alerts read it: its state, its issue, its dead-man silence ({@link
     * SourceReport#isDeadMan()}) and the own time of the snapshot it shows (last good included).
     */
    public static SourceCondition of(SourceReport r) {
      Silence silence = r.isDeadMan()
          ? Silence.DEAD
          : r.required() && silent(r.state()) ? Silence.MARKET_CLOSED : Silence.NONE;
      return new SourceCondition(r.state().name(), r.problem().map(Issue::describe).orElse(""), silence,
          r.snapshot().map(Snapshot::ownTime).orElse(null));
    }

    private static boolean silent(SourceState s) {
      return s == SourceState.STALE || s == SourceState.MISSING;
    }

    /** Whether the source's file is there but unusable: a parse error or a schema mismatch. */
    public boolean isBroken() {
      return "PARSE_ERROR".equals(state) || "SCHEMA_MISMATCH".equals(state);
    }
  }

  /** Whether a source's silence pages anyone: the engine behind it looks dead. */
  enum Silence {
    /** Written on time, optional, neutral, or broken (a broken file is its own alert). */
    NONE,
    /** A required source that is STALE or MISSING, its market (if it has one) open: a dead-man alert. */
    DEAD,
    /**
     * A required source that is STALE or MISSING while its market is closed: no new alert, but an
     * alert already sent stays open (silently) until the source is written again.
     */
    MARKET_CLOSED
  }
}
