package dev.swimmy.bot.edge.systemd;

import dev.swimmy.bot.core.health.Liveness;
import dev.swimmy.bot.core.health.Liveness.Verdict;
import dev.swimmy.bot.core.health.Pulse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings systemd's watchdog from thread {@code swimmy-systemd-watchdog}, every half of {@code
 * WATCHDOG_USEC}, only while {@link Liveness} finds every part alive. A wedged part stops the
 * pings, so systemd restarts the bot; the part is logged once when it wedges (and once when it
 * recovers), and systemd's STATUS names it meanwhile.
 */
public final class SystemdWatchdog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SystemdWatchdog.class);
  /** The most {@link #close()} waits for a tick in progress; part of the stop budget. */
  public static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final SystemdNotifier systemd;
  private final Supplier<List<Pulse>> pulses;
  private final Supplier<String> summary;
  private final Clock clock;
  private final ScheduledExecutorService thread;
  private Verdict last = Liveness.healthy();

  private SystemdWatchdog(SystemdNotifier systemd, Supplier<List<Pulse>> pulses,
      Supplier<String> summary, Clock clock) {
    this.systemd = systemd;
    this.pulses = pulses;
    this.summary = summary;
    this.clock = clock;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "swimmy-systemd-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts ticking every {@code every}, the first tick at once. */
  public static SystemdWatchdog start(SystemdNotifier systemd, Duration every,
      Supplier<List<Pulse>> pulses, Supplier<String> summary, Clock clock) {
    SystemdWatchdog w = new SystemdWatchdog(systemd, pulses, summary, clock);
    // Fixed delay, not rate: after a stall the pings do not come in a burst to catch up.
    w.thread.scheduleWithFixedDelay(w::tick, 0, every.toNanos(), TimeUnit.NANOSECONDS);
    LOG.info("systemd watchdog: pinging every {} ms while every part is alive", every.toMillis());
    return w;
  }

  private void tick() {
    try {
      Verdict now = Liveness.check(pulses.get(), clock.instant());
      for (Liveness.Wedged w : now.newSince(last)) {
        LOG.error("{} is wedged ({}); no more watchdog pings, so systemd will restart the bot",
            w.part(), w.detail());
      }
      for (String part : now.recoveredSince(last)) {
        LOG.warn("{} is alive again", part);
      }
      last = now;
      if (now.healthy()) {
        systemd.watchdog(summary.get());
      } else {
        systemd.status("wedged: " + String.join("; ",
            now.wedged().stream().map(Liveness.Wedged::describe).toList()));
      }
    } catch (RuntimeException e) {
      // A bug in a probe must not pass for life: no ping this tick.
      LOG.error("watchdog check failed; not pinging", e);
    }
  }

  /** Stops pinging (before the parts stop). */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
