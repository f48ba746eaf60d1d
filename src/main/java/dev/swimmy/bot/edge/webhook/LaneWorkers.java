package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.LanePolicy;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lanes' threads: a bounded pool of worker threads ({@code swimmy-lane-worker-<n>}, each renamed
 * {@code swimmy-lane-<webhook id>} while it runs a step) and the {@link Scheduler} that wakes a
 * waiting lane at {@link LanePolicy#readyAt}. A lane runs one step at a time; a waiting lane holds
 * no thread.
 */
final class LaneWorkers {
  private static final Logger log = LoggerFactory.getLogger(LaneWorkers.class);
  private static final Duration STEP_RETRY = Duration.ofSeconds(1);

  private final ThreadPoolExecutor pool;
  private final Scheduler scheduler;
  private final LanePolicy policy;
  private final LaneStep step;
  private final Clock clock;
  /** Tasks handed to the pool and not yet finished (including the kicks they make). */
  private final AtomicInteger tasks = new AtomicInteger();
  private final AtomicInteger stepsRunning = new AtomicInteger();
  private volatile boolean stopping;

  LaneWorkers(int threads, Scheduler scheduler, LanePolicy policy, LaneStep step, Clock clock) {
    this.scheduler = scheduler;
    this.policy = policy;
    this.step = step;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "swimmy-lane-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs {@code task} on a worker; false when the pool is shut down. */
  boolean submit(Runnable task) {
    tasks.incrementAndGet();
    try {
      pool.execute(() -> {
        try {
          task.run();
        } finally {
          tasks.decrementAndGet();
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      tasks.decrementAndGet();
      return false;
    }
  }

  /** True when no task runs or waits for a worker: what a test waits for before it moves the clock. */
  boolean quiet() {
    return tasks.get() == 0;
  }

  /** Runs a step of {@code lane} now, or schedules its wake-up, or nudges the step that runs. */
  void kick(Lane lane) {
    Instant now = clock.instant();
    synchronized (lane) {
      if (lane.running) {
        // The running step may already have claimed (and found nothing) before this work was
        // committed; without the nudge it would wait for the next poll.
        lane.nudged = true;
        return;
      }
      if (lane.dead || stopping) {
        return;
      }
      Instant gate = policy.readyAt(lane.state, now);
      if (now.isBefore(gate)) {
        if (!lane.wakeScheduled) {
          lane.wakeScheduled = true;
          scheduleWake(lane, Duration.between(now, gate));
        }
        return;
      }
      lane.running = true;
    }
    if (!submit(() -> runStep(lane))) {
      synchronized (lane) {
        lane.running = false;
      }
    }
  }

  private void scheduleWake(Lane lane, Duration delay) {
    try {
      scheduler.schedule(() -> {
        synchronized (lane) {
          lane.wakeScheduled = false;
        }
        kick(lane);
      }, delay);
    } catch (RejectedExecutionException e) {
      synchronized (lane) {
        lane.wakeScheduled = false;
      }
    }
  }

  private void runStep(Lane lane) {
    Thread me = Thread.currentThread();
    String name = me.getName();
    me.setName("swimmy-lane-" + lane.id);
    stepsRunning.incrementAndGet();
    boolean more = false;
    try {
      more = !stopping && step.run(lane);
    } catch (SpoolUnavailableException e) {
      // A claim that cannot be written backs off like an unrecorded outcome: never a hot loop.
      lane.state.waitUntil(lane.owed.writeFailed(clock.instant()));
      if (lane.owed.failuresInARow() == 1) {
        log.warn("spool unavailable in lane {}: {}; retrying with backoff", lane.id, e.getMessage());
      }
      more = true;
    } catch (InterruptedException e) {
      me.interrupt();
    } catch (RuntimeException e) {
      log.error("lane {} failed; retrying in {}", lane.id, STEP_RETRY, e);
      lane.state.waitUntil(clock.instant().plus(STEP_RETRY));
      more = true;
    } finally {
      stepsRunning.decrementAndGet();
      me.setName(name);
      synchronized (lane) {
        lane.running = false;
        more |= lane.nudged;
        lane.nudged = false;
      }
    }
    if (more) {
      kick(lane);
    }
  }

  /** Stops running steps and waits up to {@code grace} for those that run; false if some still do. */
  boolean stop(Duration grace) {
    stopping = true;
    pool.shutdown();
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} sends still in flight after {}; releasing their messages", stepsRunning.get(), grace);
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  /** Interrupts whatever still runs (after {@link #stop}). */
  void abandon() {
    pool.shutdownNow();
  }
}
