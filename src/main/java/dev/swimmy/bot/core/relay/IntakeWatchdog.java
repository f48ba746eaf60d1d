package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when intake is dead. The relay pushes a heartbeat to its own PULL endpoint every
 * {@code interval}; any frame received proves the socket's I/O thread is alive. When nothing has
 * proved it for {@code missedBeats} intervals since the last proof (or since the socket was
 * built), the socket must be rebuilt. Pure: the caller passes the times.
 *
 * @param interval the heartbeat interval; positive
 * @param missedBeats how many intervals without a proof of life mean intake is dead; at least 1
 */
public record IntakeWatchdog(Duration interval, int missedBeats) {
  public IntakeWatchdog {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("heartbeat interval must be positive");
    }
    if (missedBeats < 1) {
      throw new IllegalArgumentException("missedBeats must be at least 1");
    }
  }

  /** A watchdog that allows three missed beats of {@code interval}. */
  public static IntakeWatchdog of(Duration interval) {
    return new IntakeWatchdog(interval, 3);
  }

  /** True when the last proof of life is older than {@code missedBeats} intervals. */
  public boolean needsRebuild(Instant lastProof, Instant now) {
    return Duration.between(lastProof, now).compareTo(interval.multipliedBy(missedBeats)) > 0;
  }
}
