package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.AlertCondition;
import dev.swimmy.bot.core.discord.AlertConditions;
import dev.swimmy.bot.core.discord.AlertDestination;
import dev.swimmy.bot.core.discord.AlertEpisode;
import dev.swimmy.bot.core.discord.AlertEpisodeStore;
import dev.swimmy.bot.core.discord.AlertEpisodes;
import dev.swimmy.bot.core.discord.AlertEvent;
import dev.swimmy.bot.core.discord.AlertView;
import dev.swimmy.bot.core.discord.RelayHealthSource;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.relay.Alert;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.relay.RelayEvents;
import dev.swimmy.bot.core.relay.RelayAlerts;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
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
 * tells the admins, once per episode and again on recovery. {@link AlertEpisodes} decides; this
 * class gathers the conditions, keeps the open episodes in an {@link AlertEpisodeStore} (the spool
 * file), so a restart neither repeats an open episode nor loses its recovery, and sends. Runs
 * whether or not the bot is up: its {@link AlertDestination} is an {@link AlertRoute} of the bot's
 * alerts channel, then the alerts webhook.
 *
 * <p>The sources' conditions are a file stuck broken and the dead-man alert (a required source
 * STALE or MISSING; the live status only while its market is open); an announced dead-man episode
 * is held open silently while the market is closed ({@link AlertConditions#heldWhileMarketClosed}).
 *
 * <p>The relay's own alerts come in through {@link RelayAlerts} (the lanes' raise/clear by key:
 * the condition holds in between) and {@link RelayEvents} (intake's one-off events, an {@link
 * dev.swimmy.bot.core.discord.AlertKind#isEvent() event} episode each); a relay alert and the
 * same condition read from the health snapshot are one episode. Those entry points never block
 * their caller: they record and wake the alerts thread, which does all deciding, storing and
 * sending.
 *
 * <p>The store is written before the announcement is sent; an alert that no sink took is kept in
 * memory, at most {@value #UNSENT_MAX} (oldest dropped and counted), and retried on the next poll,
 * so one still unsent when the process stops is lost, not repeated. A store that fails is logged
 * and the alerts carry on from memory.
 */
public final class AdminAlerts implements RelayAlerts, RelayEvents, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminAlerts.class);
  static final int UNSENT_MAX = 50;

  private final RelayHealthSource relay;
  private final StatusViews views;
  private final AlertDestination sink;
  private final AlertEpisodeStore store;
  private final Clock clock;
  private final Duration pollEvery;
  /** Conditions the relay raised and has not cleared (the lanes' level, not an episode). */
  private final Map<AlertCondition.Key, AlertCondition> raised = new ConcurrentHashMap<>();
  private final Queue<AlertCondition> events = new ConcurrentLinkedQueue<>();
  private final Deque<Message> unsent = new ArrayDeque<>();
  private final AtomicLong droppedUnsent = new AtomicLong();
  private Map<AlertCondition.Key, AlertEpisode> open;
  private volatile ScheduledExecutorService thread;

  public AdminAlerts(RelayHealthSource relay, StatusViews views, AlertDestination sink, AlertEpisodeStore store,
      Clock clock, Duration pollEvery) {
    this.relay = relay;
    this.views = views;
    this.sink = sink;
    this.store = store;
    this.clock = clock;
    this.pollEvery = pollEvery;
  }

  public synchronized void start() {
    if (thread == null) {
      thread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "swimmy-alerts"));
      thread.scheduleWithFixedDelay(this::poll, 0, pollEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** The lanes raised a condition; it holds until {@link #clear(String, String, Instant)}. */
  @Override
  public void raise(Alert alert) {
    AlertCondition c = AlertConditions.ofRelayKey(alert.key(), alert.title(), alert.detail());
    if (raised.put(c.key(), c) == null) {
      wake();
    }
  }

  /**
   * The lanes cleared a condition. Wakes the alerts thread even when it was not held here (e.g.
   * raised before a restart): the health snapshot may show the recovery now.
   */
  @Override
  public void clear(String key, String detail, Instant at) {
    raised.remove(AlertConditions.ofRelayKey(key, "", "").key());
    wake();
  }

  /** A one-off event from intake, announced unless the same one was within its kind's quiet time. */
  @Override
  public void event(Alert alert) {
    log.info("admin alert: event {}", alert.key());
    events.add(AlertConditions.ofRelayEvent(alert.key(), alert.title(), alert.detail()));
    wake();
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

  /** One round: gather conditions, decide, store, send, retry what was not sent. Never throws. */
  synchronized void poll() {
    try {
      Instant now = clock.instant();
      if (open == null) {
        open = AlertEpisodes.restored(loadSaved(), now);
      }
      Map<String, StatusViews.SourceCondition> sources = views.sourceStates();
      Set<AlertCondition> current = new LinkedHashSet<>(raised.values());
      try {
        current.addAll(AlertConditions.of(relay.snapshot(), sources));
      } catch (Exception e) {
        log.warn("relay health unavailable for alerts: {}", e.toString());
        current.addAll(AlertConditions.ofSources(sources));
        current.addAll(AlertConditions.heldWhileRelayUnknown(open.values()));
      }
      current.addAll(AlertConditions.heldWhileMarketClosed(open.values(), sources));
      for (AlertCondition e = events.poll(); e != null; e = events.poll()) {
        apply(AlertEpisodes.event(open, e, now));
      }
      apply(AlertEpisodes.observe(open, current, now));
      while (!unsent.isEmpty() && sink.post(unsent.peekFirst())) {
        unsent.removeFirst();
      }
    } catch (RuntimeException e) {
      log.error("admin alert poll failed", e);
    }
  }

  private List<AlertEpisode> loadSaved() {
    try {
      List<AlertEpisode> saved = store.load();
      log.info("admin alerts: {} episode(s) still open from the last run", saved.size());
      return saved;
    } catch (SpoolUnavailableException e) {
      log.warn("open alert episodes could not be read; open ones may be announced again: {}", e.getMessage());
      return List.of();
    }
  }

  private void apply(AlertEpisodes.Step step) {
    open = step.open();
    try {
      for (AlertCondition.Key k : step.remove()) {
        store.remove(k);
      }
      for (AlertEpisode ep : step.save()) {
        store.save(ep);
      }
    } catch (SpoolUnavailableException e) {
      log.warn("alert episodes not saved (a restart may repeat them): {}", e.getMessage());
    }
    for (AlertEvent event : step.announce()) {
      log.info("admin alert: {} {} {}", event.getClass().getSimpleName(), event.condition().kind(), event.condition().subject());
      enqueue(AlertView.render(event));
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
