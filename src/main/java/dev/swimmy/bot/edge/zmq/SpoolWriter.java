package dev.swimmy.bot.edge.zmq;

import dev.swimmy.bot.core.health.Pulse;
import dev.swimmy.bot.core.relay.GroupCommit;
import dev.swimmy.bot.core.relay.Intake;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.RejectReason;
import dev.swimmy.bot.core.relay.RelayMeters;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.Spool.CommitOutcome;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
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
 *
 * <p>The HTTP intake shares this writer, so its requests join the same transactions (group
 * commit: 16 callers waiting cost one fsync, not 16). {@link #submit} queues one request's
 * notification with a callback told after COMMIT; up to {@link #REQUESTS_MAX} requests wait at a
 * time, past that {@code submit} refuses (the caller answers 503). A request is never acknowledged
 * before its commit, so a kill loses only requests whose callers have not had their answer.
 */
public final class SpoolWriter implements GroupCommit {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolWriter.class);
  static final int HANDOFF_BATCHES = 2;
  /** A commit running longer than this is wedged (SQLite's busy wait and an fsync take seconds). */
  static final Duration COMMIT_WINDOW = Duration.ofSeconds(30);
  /** HTTP requests that may wait for a commit at once. */
  public static final int REQUESTS_MAX = 256;
  private static final Batch END = new Batch(new ArrayList<>(), null);

  private final Spool spool;
  private final RelayMeters metrics;
  private final IntakeListener listener;
  private final Clock clock;
  private final int commitMax;
  private final BlockingQueue<Batch> handoff = new LinkedBlockingQueue<>(HANDOFF_BATCHES + REQUESTS_MAX);
  /** ZeroMQ batches in the queue: the PULL thread waits while {@link #HANDOFF_BATCHES} are. */
  private final Semaphore pullRoom = new Semaphore(HANDOFF_BATCHES);
  private final Thread thread;
  private volatile Instant busySince;
  private boolean started;

  /** Notifications to commit together, and who to tell (null: a ZeroMQ batch). */
  private record Batch(List<Notification> items, Completion completion) {}

  public SpoolWriter(Spool spool, RelayMeters metrics, IntakeListener listener, Clock clock, int commitMax) {
    this.spool = spool;
    this.metrics = metrics;
    this.listener = listener;
    this.clock = clock;
    this.commitMax = commitMax;
    this.thread = new Thread(this::run, "swimmy-spool-writer");
  }

  /** Starts the thread; a second call (the writer is shared by two intakes) does nothing. */
  public synchronized void start() {
    if (!started) {
      started = true;
      thread.start();
    }
  }

  /** Queues a decoded batch for commit, waiting while the queue is full. */
  void handOff(List<Notification> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (!pullRoom.tryAcquire()) {
      metrics.handoffBlocked();
      pullRoom.acquireUninterruptibly();
    }
    putUninterruptibly(new Batch(batch, null));
  }

  /**
   * Queues one request's notification for the next commit; {@code done} is told after it. Returns
   * false, telling nobody, when {@link #REQUESTS_MAX} requests already wait or the writer stopped.
   */
  @Override
  public boolean submit(Notification notification, Completion done) {
    return thread.isAlive() && handoff.offer(new Batch(List.of(notification), done));
  }

  /** Commits everything handed off so far, then stops the thread. */
  public void finish(long timeoutMillis) {
    if (!thread.isAlive()) {
      return;
    }
    putUninterruptibly(END);
    try {
      thread.join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void putUninterruptibly(Batch batch) {
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
      List<Batch> merged = new ArrayList<>();
      try {
        Batch first = take();
        ending = first == END;
        merged.add(first);
        int size = first.items().size();
        // Batches that queued during the last commit go in this one transaction.
        for (Batch next = handoff.peek(); !ending && next != null
            && size + next.items().size() <= commitMax; next = handoff.peek()) {
          merged.add(take());
          ending = next == END;
          size += next.items().size();
        }
        busySince = clock.instant();
        commit(merged, size);
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

  private Batch take() throws InterruptedException {
    Batch b = handoff.take();
    if (b.completion() == null && b != END) {
      pullRoom.release();
    }
    return b;
  }

  private void commit(List<Batch> merged, int size) {
    List<Notification> batch = new ArrayList<>(size);
    merged.forEach(b -> batch.addAll(b.items()));
    if (batch.isEmpty()) {
      return;
    }
    Spool.Committed committed;
    try {
      committed = spool.commitWithIds(batch, clock.instant());
    } catch (SpoolUnavailableException e) {
      // Never acknowledged as queued; PUSH/PULL has no ack, so counting them is the honest best;
      // an HTTP caller is told (503).
      for (Notification n : batch) {
        metrics.rejected(n.extras().intake(), RejectReason.SPOOL_UNAVAILABLE, 1);
      }
      merged.stream().filter(b -> b.completion() != null).forEach(b -> b.completion().failed());
      return;
    }
    CommitOutcome outcome = committed.outcome();
    metrics.spoolWritable();
    List<Long> ids = committed.ids();
    countByIntake(batch, ids, outcome);
    metrics.dropped(outcome.dropped());
    // Callers first: a ?wait=true caller registers for its answer before the listener wakes the lanes.
    int at = 0;
    for (Batch b : merged) {
      if (b.completion() != null) {
        b.completion().committed(ids.isEmpty() ? 0 : ids.get(at));
      }
      at += b.items().size();
    }
    listener.committed(batch, outcome);
  }

  /**
   * Counts queued notifications per intake from their ids (0: a duplicate); a spool that gives no
   * ids has its outcome counted for the intake of the batch's first notification.
   */
  private void countByIntake(List<Notification> batch, List<Long> ids, CommitOutcome outcome) {
    if (ids.isEmpty()) {
      Intake intake = batch.get(0).extras().intake();
      metrics.queued(intake, outcome.queued());
      metrics.dedupeSuppressed(outcome.duplicates());
      return;
    }
    int[] queued = new int[Intake.values().length];
    for (int i = 0; i < batch.size(); i++) {
      if (ids.get(i) != 0) {
        queued[batch.get(i).extras().intake().ordinal()]++;
      }
    }
    for (Intake intake : Intake.values()) {
      metrics.queued(intake, queued[intake.ordinal()]);
    }
    metrics.dedupeSuppressed(outcome.duplicates());
  }
}
