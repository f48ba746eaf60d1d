package dev.swimmy.bot.core.relay;

import java.util.OptionalLong;

/**
 * One lane's figures since the daemon started, as {@link LanesHealth#byLane()} reports them per
 * webhook id (the id only, never its token). Counts mean what {@link RelayFigures} says:
 * {@code delivered} are messages Discord stored (2xx); {@code failed} are failed delivery attempts,
 * errors only (a 429 is not one). {@code p95Ms} is the 95th percentile, in ms, of the lane's recent
 * deliveries (a bounded window kept by the lanes), empty while the lane has delivered nothing.
 *
 * <p>The lane's queue length is not here: the spool does not count pending messages per webhook.
 */
public record LaneFigures(long delivered, long failed, OptionalLong p95Ms) {
  public LaneFigures {
    if (delivered < 0 || failed < 0 || (p95Ms.isPresent() && p95Ms.getAsLong() < 0)) {
      throw new IllegalArgumentException("negative lane figure");
    }
  }
}
