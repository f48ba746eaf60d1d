package dev.swimmy.bot.core.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One minute of the relay as the history keeps it: messages delivered and delivery attempts
 * failed during the minute, the queue length and the p95 delivery latency at its end (null while
 * nothing has been delivered since start), and the same per lane (webhook id) for each lane that
 * delivered, failed or had messages queued during the minute ({@code byLane}).
 *
 * @param minute the minute's start, whole minutes in UTC
 * @param delivered messages delivered during the minute; not negative
 * @param failed delivery attempts failed during the minute; not negative
 * @param queueLength messages queued at the minute's end; not negative
 * @param p95Ms the p95 delivery latency at the minute's end, in milliseconds; null while nothing has been delivered
 * @param byLane the active lanes' figures during the minute, by webhook id (never a token)
 */
public record RelayMinute(Instant minute, long delivered, long failed, long queueLength, Long p95Ms,
    Map<String, Lane> byLane) {
  public RelayMinute {
    Objects.requireNonNull(minute, "minute");
    if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
      throw new IllegalArgumentException("not a whole minute: " + minute);
    }
    if (delivered < 0 || failed < 0 || queueLength < 0 || (p95Ms != null && p95Ms < 0)) {
      throw new IllegalArgumentException("negative relay figure in minute " + minute);
    }
    byLane = Map.copyOf(byLane);
  }

  /** A minute of totals only (no lane was active, or its lanes are not known). */
  public RelayMinute(Instant minute, long delivered, long failed, long queueLength, Long p95Ms) {
    this(minute, delivered, failed, queueLength, p95Ms, Map.of());
  }

  /**
   * One lane's figures: in a {@link RelayMinute}, delivered and failed during the minute, and the
   * p95 and queue length (its messages pending or in flight) at its end; in {@link Counters},
   * totals since start and the p95 and queue length now. p95 is null while the lane has delivered
   * nothing.
   */
  public record Lane(long delivered, long failed, Long p95Ms, long queued) {
    public Lane {
      if (delivered < 0 || failed < 0 || queued < 0 || (p95Ms != null && p95Ms < 0)) {
        throw new IllegalArgumentException("negative lane figure");
      }
    }

    /** A lane's figures with nothing queued. */
    public Lane(long delivered, long failed, Long p95Ms) {
      this(delivered, failed, p95Ms, 0);
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
   * @param byLane each lane's totals and levels, by webhook id
   */
  public record Counters(Instant at, long delivered, long failed, long queueLength, Long p95Ms,
      Map<String, Lane> byLane) {
    public Counters {
      Objects.requireNonNull(at, "at");
      byLane = Map.copyOf(byLane);
    }

    /** Counters without per-lane figures. */
    public Counters(Instant at, long delivered, long failed, long queueLength, Long p95Ms) {
      this(at, delivered, failed, queueLength, p95Ms, Map.of());
    }
  }

  /**
   * The minute that ends at {@code now}: the counts since {@code before} (the previous sample, or
   * null for the first one since start, whose totals all fall in it). A total that went down means
   * the counters started again (a restart, or a lane the lanes had forgotten): the new total is the
   * minute's count. Samples are taken just after each whole minute, so the minute is named by the
   * start of the minute {@code now} minus 30 s falls in (the sample taken at 10:01:00.2 is the
   * minute 10:00). A lane is in the minute only when it delivered or failed during it, or has
   * messages queued at its end.
   */
  public static RelayMinute between(Counters before, Counters now) {
    Instant start = now.at().minusSeconds(30).truncatedTo(ChronoUnit.MINUTES);
    long delivered = delta(before == null ? 0 : before.delivered(), now.delivered());
    long failed = delta(before == null ? 0 : before.failed(), now.failed());
    Map<String, Lane> lanes = new LinkedHashMap<>();
    now.byLane().forEach((id, lane) -> {
      Lane was = before == null ? null : before.byLane().get(id);
      long d = delta(was == null ? 0 : was.delivered(), lane.delivered());
      long f = delta(was == null ? 0 : was.failed(), lane.failed());
      if (d > 0 || f > 0 || lane.queued() > 0) {
        lanes.put(id, new Lane(d, f, lane.p95Ms(), lane.queued()));
      }
    });
    return new RelayMinute(start, delivered, failed, Math.max(0, now.queueLength()),
        now.p95Ms() == null ? null : Math.max(0, now.p95Ms()), lanes);
  }

  private static long delta(long before, long now) {
    return now >= before ? now - before : Math.max(0, now);
  }
}
