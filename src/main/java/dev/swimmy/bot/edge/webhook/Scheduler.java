package dev.swimmy.bot.edge.webhook;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Runs a task after a delay measured on the sender's clock. In production that is wall time; a
 * test can run the clock faster and scale delays to match, so a ten-minute outage takes a second.
 */
public interface Scheduler {
  Future<?> schedule(Runnable task, Duration clockDelay);

  void shutdown();
}
