package dev.swimmy.bot.edge.zmq;

import dev.swimmy.bot.core.health.Pulse;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.RejectReason;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.Spool.CommitOutcome;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit side of intake: thread {@code swimmy-spool-writer} takes the batches the PULL thread
 * decoded and commits them to the spool, merging those that waited into one transaction (one
 * fsync), so decoding the next frames overlaps the fsync of the last ones.
 *
 * <p>The hand-off queue holds {@link #HANDOFF_BATCHES} batches. Overflow policy
 * <b>block-the-PULL-thread</b>: {@link #handOff} waits for room (counted in {@code
 * swimmy_notifier_intake_handoff_blocked_total}), the PULL thread stops reading, its receive
 * high-water mark fills and the backlog stays in the engine's PUSH socket, not in our memory. So
 * at most {@code (HANDOFF_BATCHES + 2) * batchMax} accepted frames are in this process and not yet
 * committed (one batch being decoded, the queue, one being committed): what a kill can lose.
 */
final class SpoolWriter {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolWriter.class);
  static final int HANDOFF_BATCHES = 2;
  private static final List<Notification> END = new ArrayList<>();
  /** A commit running longer than this is wedged (SQLite's busy wait and an fsync take seconds). */
  static final Duration COMMIT_WINDOW = Duration.ofSeconds(30);

  private final Spool spool;
  private final RelayMetrics metrics;
  private final IntakeListener listener;
  private final Clock clock;
  private final int commitMax;
  private final BlockingQueue<List<Notification>> handoff = new ArrayBlockingQueue<>(HANDOFF_BATCHES);
  private final Thread thread;
  private volatile Instant busySince;

  SpoolWriter(Spool spool, RelayMetrics metrics, IntakeListener listener, Clock clock, int commitMax) {
    this.spool = spool;
    this.metrics = metrics;
    this.listener = listener;
    this.clock = clock;
    this.commitMax = commitMax;
    this.thread = new Thread(this::run, "swimmy-spool-writer");
  }

  void start() {
    thread.start();
  }

  /** Queues a decoded batch for commit, waiting while the queue is full. */
  void handOff(List<Notification> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (!handoff.offer(batch)) {
      metrics.handoffBlocked();
      putUninterruptibly(batch);
    }
  }

  /** Commits everything handed off so far, then stops the thread. */
  void finish(long timeoutMillis) {
    putUninterruptibly(END);
    try {
      thread.join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void putUninterruptibly(List<Notification> batch) {
    boolean interrupted = false;
    while (true) {
      try {
        handoff.put(batch);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    boolean ending = false;
    while (!ending) {
      List<Notification> merged = new ArrayList<>();
      try {
        List<Notification> first = handoff.take();
        ending = first == END;
        merged.addAll(first);
        // Batches that queued during the last commit go in this one transaction.
        for (List<Notification> next = handoff.peek(); !ending && next != null
            && merged.size() + next.size() <= commitMax; next = handoff.peek()) {
          handoff.remove();
          ending = next == END;
          merged.addAll(next);
        }
        busySince = clock.instant();
        commit(merged);
      } catch (InterruptedException e) {
        LOG.warn("spool writer interrupted; going on until intake stops");
      } catch (RuntimeException e) {
        metrics.intakeError();
        LOG.error("spool writer error (the writer goes on)", e);
      } finally {
        busySince = null;
      }
    }
  }

  /** Idle while waiting for a batch; busy since the current commit began. */
  Pulse pulse() {
    return new Pulse.Busy("spool writer", Optional.ofNullable(busySince), COMMIT_WINDOW);
  }

  private void commit(List<Notification> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      CommitOutcome outcome = spool.commit(batch, clock.instant());
      metrics.spoolWritable();
      metrics.queued(outcome.queued());
      metrics.dedupeSuppressed(outcome.duplicates());
      metrics.dropped(outcome.dropped());
      listener.committed(batch, outcome);
    } catch (SpoolUnavailableException e) {
      // Never acknowledged as queued; PUSH/PULL has no ack, so counting them is the honest best.
      metrics.rejected(RejectReason.SPOOL_UNAVAILABLE, batch.size());
    }
  }
}
