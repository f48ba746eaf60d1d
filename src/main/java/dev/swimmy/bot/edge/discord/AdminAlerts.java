package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.AlertCondition;
import dev.swimmy.bot.core.discord.AlertConditions;
import dev.swimmy.bot.core.discord.AlertDestination;
import dev.swimmy.bot.core.discord.AlertEpisodes;
import dev.swimmy.bot.core.discord.AlertEvent;
import dev.swimmy.bot.core.discord.AlertView;
import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.relay.AlertSink;
import dev.swimmy.bot.core.relay.RelayAlerts;
import java.time.Instant;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the relay's health and the sources' states on the {@code swimmy-alerts} thread and
 * tells the admins, once per episode and again on recovery ({@link AlertEpisodes}). Runs whether
 * or not the bot is up: its {@link AlertDestination} is an {@link AlertRoute} of the bot's alerts
 * channel, then the alerts webhook. The relay's own alerts come in through {@link RelayAlerts} (the
 * sender's raise/clear by key) and {@link AlertSink} (intake's one-off events, repeats of a key
 * within {@link #EVENT_REPEAT} dropped); a relay alert and the same condition read from the health
 * snapshot are one episode. Those entry points never block their caller: they record and wake
 * the alerts thread, which does all sending.
 *
 * <p>Alerts that no sink took are kept, at most {@value #UNSENT_MAX} (oldest dropped and
 * counted), and retried on the next poll.
 */
public final class AdminAlerts implements RelayAlerts, AlertSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminAlerts.class);
  static final int UNSENT_MAX = 50;
  static final Duration EVENT_REPEAT = Duration.ofMinutes(10);

  private final RelayHealth relay;
  private final StatusViews views;
  private final AlertDestination sink;
  private final Clock clock;
  private final Duration pollEvery;
  private final AlertEpisodes episodes = new AlertEpisodes();
  private final Map<AlertCondition.Key, AlertCondition> reported = new ConcurrentHashMap<>();
  private final Deque<Message> unsent = new ArrayDeque<>();
  private final Queue<Message> incoming = new ConcurrentLinkedQueue<>();
  private final Map<String, Instant> lastEvent = new ConcurrentHashMap<>();
  private final AtomicLong droppedUnsent = new AtomicLong();
  private volatile ScheduledExecutorService thread;

  public AdminAlerts(RelayHealth relay, StatusViews views, AlertDestination sink, Clock clock, Duration pollEvery) {
    this.relay = relay;
    this.views = views;
    this.sink = sink;
    this.clock = clock;
    this.pollEvery = pollEvery;
  }

  public synchronized void start() {
    if (thread == null) {
      thread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "swimmy-alerts"));
      thread.scheduleWithFixedDelay(this::poll, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A condition that holds until {@link #clear}ed; alerted on the next poll. */
  public void report(AlertCondition condition) {
    if (reported.put(condition.key(), condition) == null) {
      wake();
    }
  }

  public void clear(AlertCondition.Key key) {
    if (reported.remove(key) != null) {
      wake();
    }
  }

  /** The sender raised a condition; it holds until {@link #clear(String, String, Instant)}. */
  @Override
  public void raise(RelayAlerts.Alert alert) {
    report(AlertConditions.ofRelayKey(alert.key(), alert.title(), alert.detail()));
  }

  @Override
  public void clear(String key, String detail, Instant at) {
    clear(AlertConditions.ofRelayKey(key, "", "").key());
  }

  /**
   * A one-off event from intake: posted on the alerts thread right away, unless the same key was
   * posted within {@link #EVENT_REPEAT}. Never blocks the caller.
   */
  @Override
  public void raise(AlertSink.Alert alert) {
    Instant now = clock.instant();
    boolean[] fresh = {false};
    lastEvent.compute(alert.key(), (k, last) -> {
      if (last != null && now.isBefore(last.plus(EVENT_REPEAT))) {
        return last;
      }
      fresh[0] = true;
      return now;
    });
    if (fresh[0]) {
      log.info("admin alert: event {}", alert.key());
      incoming.add(AlertView.event(alert.title(), alert.detail(), now));
      wake();
    }
  }

  /** Runs a poll soon on the alerts thread (no-op before {@link #start()}). */
  private void wake() {
    ScheduledExecutorService t = thread;
    if (t != null) {
      try {
        t.execute(this::poll);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // stopping: the alert stays in the log
      }
    }
  }

  /** Alerts dropped because no sink took them and the backlog was full. */
  public long droppedUnsent() {
    return droppedUnsent.get();
  }

  /** One round: gather conditions, send what changed, retry what was not sent. Never throws. */
  synchronized void poll() {
    try {
      Set<AlertCondition> now = new LinkedHashSet<>(reported.values());
      try {
        now.addAll(AlertConditions.of(relay.snapshot(), views.sourceStates()));
      } catch (Exception e) {
        log.warn("relay health unavailable for alerts: {}", e.toString());
        now.addAll(AlertConditions.ofSources(views.sourceStates()));
      }
      for (Message m = incoming.poll(); m != null; m = incoming.poll()) {
        enqueue(m);
      }
      for (AlertEvent event : episodes.observe(now, clock.instant())) {
        log.info("admin alert: {} {} {}", event.getClass().getSimpleName(), event.condition().kind(), event.condition().subject());
        enqueue(AlertView.render(event));
      }
      while (!unsent.isEmpty() && sink.post(unsent.peekFirst())) {
        unsent.removeFirst();
      }
    } catch (RuntimeException e) {
      log.error("admin alert poll failed", e);
    }
  }

  private void enqueue(Message m) {
    if (unsent.size() >= UNSENT_MAX) {
      unsent.removeFirst();
      droppedUnsent.incrementAndGet();
    }
    unsent.addLast(m);
  }

  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
      thread = null;
    }
  }

  static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
