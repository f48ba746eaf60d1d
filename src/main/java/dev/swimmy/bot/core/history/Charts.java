package dev.swimmy.bot.core.history;

import java.time.Instant;
import java.util.Optional;

/**
 * The pictures of the bot's history that Discord and the local page show.
 *
 * <p>Each method draws from the history kept so far, as of {@code now} (the caller's clock), and
 * is empty while there is nothing to draw (no status version yet today, no relay minute in the
 * last 24 h). A chart never interpolates across a period its source was STALE or MISSING, and
 * shades market-closed periods; its axis is in the data's own times (JST).
 *
 * <p>Implementations render off the caller's thread-safety concerns: every method may be called
 * from any thread, and is bounded in time (rendering 30 days of minute history stays well under
 * a second).
 */
public interface Charts {

  /** Today's PnL over the JST trading day, with the day's high and low marked. */
  Optional<ChartImage> pnlToday(Instant now);

  /** Month-to-date accumulated PnL against the monthly goal line. */
  Optional<ChartImage> pnlMonth(Instant now);

  /** Relay delivered and failed per minute, and p95 latency, over the 24 h before {@code now}. */
  Optional<ChartImage> relay24h(Instant now);

  /** A {@code Charts} with nothing to draw, for a bot run without a history store. */
  static Charts none() {
    return new Charts() {
      @Override
      public Optional<ChartImage> pnlToday(Instant now) {
        return Optional.empty();
      }

      @Override
      public Optional<ChartImage> pnlMonth(Instant now) {
        return Optional.empty();
      }

      @Override
      public Optional<ChartImage> relay24h(Instant now) {
        return Optional.empty();
      }
    };
  }
}
