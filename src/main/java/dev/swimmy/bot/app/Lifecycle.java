package dev.swimmy.bot.app;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the daemon's parts in order and stops them in reverse, each stop bounded in time so a
 * stuck part cannot hold SIGTERM past systemd's stop timeout. Start logs one line per part with
 * its address or path (never a secret); a part that fails to start stops the ones before it.
 */
public final class Lifecycle implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  /** Something that was started and must be stopped. */
  @FunctionalInterface
  public interface Stoppable {
    void stop() throws Exception;
  }

  /** Starts a part and returns how to stop it. */
  @FunctionalInterface
  public interface Starter {
    Stoppable start() throws Exception;
  }

  private record Started(String name, Stoppable stop, Duration budget) {}

  private final Deque<Started> started = new ArrayDeque<>();
  private boolean closed;

  /** Starts one part; on failure stops everything started so far and rethrows. */
  public synchronized void start(String name, String where, Duration stopBudget, Starter starter)
      throws Exception {
    try {
      Stoppable stop = starter.start();
      started.push(new Started(name, stop, stopBudget));
      LOG.info("started {}: {}", name, where);
    } catch (Exception e) {
      LOG.error("could not start {} ({}): {}", name, where, e.getMessage());
      close();
      throw e;
    }
  }

  /** The sum of the started parts' stop budgets: the most {@link #close()} can take. */
  public synchronized Duration stopBudget() {
    return started.stream().map(Started::budget).reduce(Duration.ZERO, Duration::plus);
  }

  /** Stops every part in reverse order, each within its budget; never throws. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // A thread per stuck part: one that ignores its interrupt must not hold up the parts after it.
    ExecutorService stopper = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "swimmy-stop");
      t.setDaemon(true);
      return t;
    });
    try {
      while (!started.isEmpty()) {
        Started part = started.pop();
        Future<?> f = stopper.submit(() -> {
          part.stop().stop();
          return null;
        });
        try {
          f.get(part.budget().toMillis(), TimeUnit.MILLISECONDS);
          LOG.info("stopped {}", part.name());
        } catch (TimeoutException e) {
          f.cancel(true);
          LOG.error("{} did not stop within {}; going on", part.name(), part.budget());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (Exception e) {
          LOG.error("stopping {} failed: {}", part.name(), e.getCause() == null ? e : e.getCause());
        }
      }
    } finally {
      stopper.shutdownNow();
    }
  }
}
