package dev.swimmy.bot.core.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One minute of the relay as the history keeps it: messages delivered and delivery attempts
 * failed during the minute, the queue length and the p95 delivery latency at its end (null while
 * nothing has been delivered since start).
 *
 * @param minute the minute's start, whole minutes in UTC
 * @param delivered messages delivered during the minute; not negative
 * @param failed delivery attempts failed during the minute; not negative
 * @param queueLength messages queued at the minute's end; not negative
 * @param p95Ms the p95 delivery latency at the minute's end, in milliseconds; null while nothing has been delivered
 */
public record RelayMinute(Instant minute, long delivered, long failed, long queueLength, Long p95Ms) {
  public RelayMinute {
    Objects.requireNonNull(minute, "minute");
    if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
      throw new IllegalArgumentException("not a whole minute: " + minute);
    }
    if (delivered < 0 || failed < 0 || queueLength < 0 || (p95Ms != null && p95Ms < 0)) {
      throw new IllegalArgumentException("negative relay figure in minute " + minute);
    }
  }

  /**
   * The relay's counters at one moment: delivered and failed are totals since the daemon started
   * (as {@code /notifier} shows them), the rest are levels.
   *
   * @param at when the counters were read, not null
   * @param delivered messages delivered since start
   * @param failed delivery attempts failed since start
   * @param queueLength messages queued now
   * @param p95Ms the p95 delivery latency now, in milliseconds; null for none
   */
  public record Counters(Instant at, long delivered, long failed, long queueLength, Long p95Ms) {
    public Counters {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The minute that ends at {@code now}: the counts since {@code before} (the previous sample, or
   * null for the first one since start, whose totals all fall in it). A total that went down means
   * the counters started again (a restart): the new total is the minute's count. Samples are taken
   * just after each whole minute, so the minute is named by the start of the minute {@code now}
   * minus 30 s falls in (the sample taken at 10:01:00.2 is the minute 10:00).
   */
  public static RelayMinute between(Counters before, Counters now) {
    Instant start = now.at().minusSeconds(30).truncatedTo(ChronoUnit.MINUTES);
    long delivered = delta(before == null ? 0 : before.delivered(), now.delivered());
    long failed = delta(before == null ? 0 : before.failed(), now.failed());
    return new RelayMinute(start, delivered, failed, Math.max(0, now.queueLength()),
        now.p95Ms() == null ? null : Math.max(0, now.p95Ms()));
  }

  private static long delta(long before, long now) {
    return now >= before ? now - before : Math.max(0, now);
  }
}
