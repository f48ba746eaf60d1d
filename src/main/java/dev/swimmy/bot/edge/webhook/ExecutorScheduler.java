package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.health.Pulse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on one named daemon thread ({@code swimmy-lane-timer}) that only wakes lanes;
 * lane work itself runs on the lanes' worker pool. Delays are wall time: the lanes' clock must be
 * the system clock (tests use a manual scheduler and clock instead).
 */
public final class ExecutorScheduler implements Scheduler {
  private final ScheduledExecutorService timer;
  private volatile long lastTick = System.nanoTime();

  private ExecutorScheduler() {
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "swimmy-lane-timer");
      t.setDaemon(true);
      return t;
    });
    // Between lane wake-ups the timer stamps a tick, so a wedged timer thread shows.
    timer.scheduleWithFixedDelay(() -> lastTick = System.nanoTime(), 1, 1, TimeUnit.SECONDS);
  }

  public static ExecutorScheduler realTime() {
    return new ExecutorScheduler();
  }

  @Override
  public Future<?> schedule(Runnable task, Duration clockDelay) {
    long nanos = clockDelay.isNegative() ? 0 : clockDelay.toNanos();
    return timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  /** The timer thread ticks every second; no tick for 10 s at {@code now} means it is wedged. */
  public Pulse pulse(Instant now) {
    return new Pulse.Turned("lane timer", now.minusNanos(System.nanoTime() - lastTick), Duration.ofSeconds(10));
  }

  @Override
  public void shutdown() {
    timer.shutdownNow();
  }
}
