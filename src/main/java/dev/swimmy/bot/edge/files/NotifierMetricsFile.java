package dev.swimmy.bot.edge.files;

import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.sexp.SexpWriter;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code data/notifier_metrics.sexp} for the engine every {@code metrics-interval}, on the
 * thread {@code swimmy-notifier-metrics}: refreshes the queue gauges from the spool, then replaces
 * the file atomically. A spool that cannot be read leaves the last queue figures in place.
 */
public final class NotifierMetricsFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierMetricsFile.class);

  private final Path file;
  private final Spool spool;
  private final RelayMetrics metrics;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  public NotifierMetricsFile(Path file, Spool spool, RelayMetrics metrics, Clock clock) {
    this.file = file;
    this.spool = spool;
    this.metrics = metrics;
    this.clock = clock;
  }

  public synchronized void start(Duration interval) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "swimmy-notifier-metrics");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleAtFixedRate(this::writeQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Refreshes the figures and writes the file once. */
  public void write() throws IOException {
    try {
      metrics.queue(spool.stats(), clock.instant());
    } catch (SpoolUnavailableException e) {
      LOG.debug("metrics: spool unreadable, keeping the last queue figures: {}", e.getMessage());
    }
    String text = SexpWriter.write(metrics.figures(clock.instant()).toSexp()) + "\n";
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  private void writeQuietly() {
    try {
      write();
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write {}: {}", file, e.getMessage());
    }
  }

  /** Stops the schedule and writes the final figures. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdown();
      try {
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
      writeQuietly();
    }
  }
}
