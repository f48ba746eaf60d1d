package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import java.time.Instant;

/**
 * What the intakes and the spool report to the relay's meters: the port through which the ZeroMQ
 * and HTTP intakes and the {@code notifier_metrics.sexp} writer count, without depending on
 * Micrometer or on each other. {@code edge.metrics.RelayMetrics} is the implementation {@code
 * /metrics} scrapes; the figures mean what {@link RelayFigures} defines.
 *
 * <p>Contract: implementations are thread-safe (every intake thread counts into the same one) and
 * never block or throw.
 */
public interface RelayMeters {
  /** {@code n} notifications from {@code intake} committed to the spool; 0 counts nothing. */
  void queued(Intake intake, int n);

  /** {@code n} frames or requests from {@code intake} not queued, for {@code reason}. */
  void rejected(Intake intake, RejectReason reason, int n);

  /** {@code n} frames from ZeroMQ not queued, for {@code reason}. */
  default void rejected(RejectReason reason, int n) {
    rejected(Intake.ZMQ, reason, n);
  }

  /** {@code n} oldest pending notifications dropped because the spool held its maximum. */
  void dropped(int n);

  /** {@code n} notifications not queued because the spool already held them (dedupe). */
  void dedupeSuppressed(int n);

  /** A spool write succeeded: the spool accepts writes again. */
  void spoolWritable();

  /** The PULL socket was rebuilt by the watchdog. */
  void intakeRebuilt();

  /** An unexpected error was caught at an intake loop's boundary. */
  void intakeError();

  /** The PULL thread had to wait for the spool writer. */
  void handoffBlocked();

  /** An HTTP intake connection was closed because every handler and queue slot was taken. */
  void httpOverflow();

  /** Refreshes the queue gauges from the spool's figures read at {@code now}. */
  void queue(SpoolStats stats, Instant now);

  /** The intakes' part of the relay's figures, since start. */
  RelayFigures.Intake intake();
}
