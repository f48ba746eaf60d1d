package dev.swimmy.bot.edge.webhook;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on one named daemon thread ({@code swimmy-lane-timer}) that only wakes lanes;
 * lane work itself runs on the sender's worker pool. {@code speed} is how many clock seconds pass
 * per real second (1 in production).
 */
public final class ExecutorScheduler implements Scheduler {
  private final ScheduledExecutorService timer;
  private final double speed;

  public ExecutorScheduler(double speed) {
    this.speed = speed;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "swimmy-lane-timer");
      t.setDaemon(true);
      return t;
    });
  }

  public static ExecutorScheduler realTime() {
    return new ExecutorScheduler(1.0);
  }

  @Override
  public Future<?> schedule(Runnable task, Duration clockDelay) {
    long nanos = clockDelay.isNegative() ? 0 : (long) (clockDelay.toNanos() / speed);
    return timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() {
    timer.shutdownNow();
  }
}
