package dev.swimmy.bot.edge.webhook;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Runs a task after a delay measured on the lanes' clock. In production that is wall time ({@link
 * ExecutorScheduler}); a test runs due tasks itself as it moves a manual clock, so a ten-minute
 * outage takes no real time and the host's load cannot change what happens.
 */
public interface Scheduler {
  Future<?> schedule(Runnable task, Duration clockDelay);

  void shutdown();
}
