package dev.swimmy.bot.core.history;

import dev.swimmy.bot.core.status.SourceState;
import java.time.Instant;
import java.util.Objects;

/**
 * The live-status source entered {@code state} at {@code at} (the bot's clock when it saw the
 * change) and stayed in it until the next change. The history keeps these so a chart draws its
 * gaps from what the bot saw, not from a guess.
 *
 * @param at when the bot saw the change
 * @param state the state entered
 */
public record SourceChange(Instant at, SourceState state) {
  public SourceChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(state, "state");
  }

  /** Whether a chart breaks its line while the source is in this state: STALE or MISSING. */
  public boolean isGap() {
    return isGap(state);
  }

  /** STALE and MISSING: the source's data is not current, so nothing is drawn there. */
  public static boolean isGap(SourceState state) {
    return state == SourceState.STALE || state == SourceState.MISSING;
  }
}
