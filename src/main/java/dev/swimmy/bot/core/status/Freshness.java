package dev.swimmy.bot.core.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The pure freshness decision for a snapshot that was read well. */
public final class Freshness {
  /** How far in the future a source's own time may be before it is flagged as clock skew. */
  public static final Duration SKEW_TOLERANCE = Duration.ofSeconds(30);

  private Freshness() {}

  /** {@code OK}, {@code STALE} (strictly older than {@code staleAfter}) or {@code CLOCK_SKEW}. */
  public static SourceState assess(Instant ownTime, Instant now, Duration staleAfter) {
    return assess(ownTime, now, staleAfter, MarketHours.always());
  }

  /**
   * The decision for a source written only while a market is open (the live status is written on
   * price ticks):
   *
   * <ul>
   *   <li>own time more than {@link #SKEW_TOLERANCE} ahead: {@code CLOCK_SKEW};
   *   <li>market closed now: {@code MARKET_CLOSED} if the file's own time is no older than {@code
   *       staleAfter} before the close, else {@code STALE} (it was already stale when the market
   *       closed);
   *   <li>market open, file written before this session opened: {@code STALE} if it was already
   *       stale at the close before, else staleness counts from the open, not from the file's
   *       time ({@code OK} within {@code staleAfter} of the open);
   *   <li>otherwise as {@link #assess(Instant, Instant, Duration)}.
   * </ul>
   *
   * With {@link MarketHours#always()} this is {@link #assess(Instant, Instant, Duration)}.
   */
  public static SourceState assess(Instant ownTime, Instant now, Duration staleAfter, MarketHours hours) {
    Duration age = Duration.between(ownTime, now);
    if (age.negated().compareTo(SKEW_TOLERANCE) > 0) {
      return SourceState.CLOCK_SKEW;
    }
    SourceState plain = age.compareTo(staleAfter) > 0 ? SourceState.STALE : SourceState.OK;
    Optional<MarketHours.Session> session = hours.sessionAt(now);
    if (session.isEmpty()) {
      return plain;
    }
    MarketHours.Session s = session.get();
    if (!s.open()) {
      return freshAt(ownTime, s.since(), staleAfter) ? SourceState.MARKET_CLOSED : SourceState.STALE;
    }
    if (!ownTime.isBefore(s.since())) {
      return plain;
    }
    Optional<MarketHours.Session> closure = hours.sessionAt(s.since().minusNanos(1));
    if (closure.isEmpty() || closure.get().open()) {
      return plain;
    }
    if (!freshAt(ownTime, closure.get().since(), staleAfter)) {
      return SourceState.STALE;
    }
    return Duration.between(s.since(), now).compareTo(staleAfter) > 0 ? SourceState.STALE : SourceState.OK;
  }

  /** True when a file written at {@code ownTime} was not yet stale at {@code close}. */
  private static boolean freshAt(Instant ownTime, Instant close, Duration staleAfter) {
    return Duration.between(ownTime, close).compareTo(staleAfter) <= 0;
  }
}
