package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A {@link Scheduler} that runs nothing by itself: a task is due at the {@link MutableClock}'s time
 * plus its delay, and runs on the test's thread when the test calls {@link #runDue()} after moving
 * the clock. Nothing depends on real time, so a lane test's outcome does not depend on the host's
 * load. Tasks due at the same instant run in the order they were scheduled.
 *
 * <p>{@link #runUntil} and {@link #advanceTo} drive {@link WebhookLanes} with it: they move the
 * clock only once every lane has settled (no step runs or waits for a worker), so a stalled host
 * makes a test slower, never different. HTTP and its timeouts stay real.
 */
final class ManualScheduler implements Scheduler {
  /** Longest real time the lanes may take to settle, or a test to reach its condition. */
  static final Duration REAL_BOUND = Duration.ofSeconds(60);

  private record Task(Instant due, long seq, Runnable run, CompletableFuture<Void> future) {}

  private final MutableClock clock;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(Comparator.comparing(Task::due).thenComparingLong(Task::seq));
  private long seq;
  private boolean shutdown;

  ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Future<?> schedule(Runnable task, Duration clockDelay) {
    if (shutdown) {
      throw new RejectedExecutionException("scheduler shut down");
    }
    Duration delay = clockDelay.isNegative() ? Duration.ZERO : clockDelay;
    Task t = new Task(clock.instant().plus(delay), seq++, task, new CompletableFuture<>());
    tasks.add(t);
    return t.future();
  }

  /** When the earliest task not cancelled is due, if any. */
  synchronized Optional<Instant> nextDue() {
    dropCancelled();
    return Optional.ofNullable(tasks.peek()).map(Task::due);
  }

  /** Runs every task due at the clock's time (and those they schedule that are due too); returns how many ran. */
  int runDue() {
    int ran = 0;
    while (true) {
      Task next;
      synchronized (this) {
        dropCancelled();
        next = tasks.peek();
        if (next == null || next.due().isAfter(clock.instant())) {
          return ran;
        }
        tasks.poll();
      }
      next.run().run();
      next.future().complete(null);
      ran++;
    }
  }

  private void dropCancelled() {
    List<Task> cancelled = new ArrayList<>();
    tasks.forEach(t -> {
      if (t.future().isCancelled()) {
        cancelled.add(t);
      }
    });
    tasks.removeAll(cancelled);
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
    tasks.clear();
  }

  /** Waits (real time, bounded) until no lane work runs or waits for a worker. */
  static void settle(WebhookLanes lanes) {
    long deadline = System.nanoTime() + REAL_BOUND.toNanos();
    while (!lanes.quiet()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the lanes did not settle within " + REAL_BOUND);
      }
      LockSupport.parkNanos(100_000);
    }
  }

  /**
   * Runs {@code lanes} until {@code done} holds when they have settled, moving the clock from one
   * scheduled wake-up to the next, for at most an hour of clock time.
   */
  void runUntil(WebhookLanes lanes, BooleanSupplier done) {
    Instant limit = clock.instant().plus(Duration.ofHours(1));
    long deadline = System.nanoTime() + REAL_BOUND.toNanos();
    while (true) {
      settle(lanes);
      if (done.getAsBoolean()) {
        return;
      }
      if (runDue() > 0) {
        continue;
      }
      Instant next = nextDue().orElseThrow(() -> new AssertionError("nothing scheduled and not done"));
      if (next.isAfter(limit) || System.nanoTime() > deadline) {
        throw new AssertionError("not done by " + clock.instant() + " (clock) within " + REAL_BOUND + " (real)");
      }
      clock.set(next);
    }
  }

  /** Moves the clock to {@code to}, running every wake-up due on the way once {@code lanes} have settled. */
  void advanceTo(WebhookLanes lanes, Instant to) {
    while (true) {
      settle(lanes);
      if (runDue() > 0) {
        continue;
      }
      Optional<Instant> next = nextDue().filter(t -> !t.isAfter(to));
      if (next.isEmpty()) {
        break;
      }
      clock.set(next.get());
    }
    clock.set(to);
    do {
      settle(lanes);
    } while (runDue() > 0);
  }
}
