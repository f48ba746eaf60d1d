package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.render.Message;
import java.util.Map;

/**
 * What the bot needs from the status side: the rendered {@code /status} message of a section, and
 * each source's current state (for the panel's "changed right away" and for admin alerts).
 * Implemented over {@code status-view}'s service by the wiring; calls must be cheap (cached
 * snapshots, no file reads on the caller's thread where avoidable).
 */
public interface StatusViews {
  Message status(StatusSection section);

  /** Source name (e.g. {@code live-status}) to its state; iteration order is display order. */
  Map<String, SourceCondition> sourceStates();

  /**
   * A source's state, e.g. {@code OK}, {@code STALE}, {@code PARSE_ERROR}, {@code
   * SCHEMA_MISMATCH}, {@code MISSING}, {@code CLOCK_SKEW}, with a short human detail (may be "").
   */
  record SourceCondition(String state, String detail) {
    public boolean isBroken() {
      return "PARSE_ERROR".equals(state) || "SCHEMA_MISMATCH".equals(state);
    }
  }
}
