package dev.swimmy.bot.edge.files;

import dev.swimmy.bot.core.relay.RelayFigures;
import dev.swimmy.bot.core.relay.RelayMeters;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.sexp.SexpWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code data/notifier_metrics.sexp} for the engine every {@code metrics-interval}, on the
 * thread {@code swimmy-relay-figures}: reads the spool's figures once, refreshes the queue gauges
 * of {@code /metrics} from them, and replaces the file atomically with {@link RelayFigures#of}
 * of the spool, intake and lanes. A spool that cannot be read leaves the last queue figures in
 * place.
 */
public final class RelayFiguresFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RelayFiguresFile.class);

  private final Path file;
  private final Spool spool;
  private final RelayMeters metrics;
  private final Supplier<LanesHealth> lanes;
  private final Clock clock;
  private volatile SpoolStats lastStats = new SpoolStats(0, 0, 0, 0, Optional.empty());
  private ScheduledExecutorService scheduler;

  public RelayFiguresFile(Path file, Spool spool, RelayMeters metrics, Supplier<LanesHealth> lanes,
      Clock clock) {
    this.file = file;
    this.spool = spool;
    this.metrics = metrics;
    this.lanes = lanes;
    this.clock = clock;
  }

  public synchronized void start(Duration interval) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "swimmy-relay-figures");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleAtFixedRate(this::writeQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Refreshes the figures and writes the file once. */
  public void write() throws IOException {
    Instant now = clock.instant();
    try {
      lastStats = spool.stats();
      metrics.queue(lastStats, now);
    } catch (SpoolUnavailableException e) {
      LOG.debug("metrics: spool unreadable, keeping the last queue figures: {}", e.getMessage());
    }
    RelayFigures figures = RelayFigures.of(now, lastStats, metrics.intake(), lanes.get());
    String text = SexpWriter.write(figures.toSexp()) + "\n";
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
