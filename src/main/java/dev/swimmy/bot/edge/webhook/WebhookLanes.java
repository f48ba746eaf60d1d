package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.Backoff;
import dev.swimmy.bot.core.relay.InvalidRequestBudget;
import dev.swimmy.bot.core.relay.LaneEffect;
import dev.swimmy.bot.core.relay.LanePolicy;
import dev.swimmy.bot.core.relay.RelayAlerts;
import dev.swimmy.bot.core.relay.ResponseClassifier;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.UnrecordedOutcomes;
import dev.swimmy.bot.core.relay.WebhookSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook lanes: one lane per webhook id, so a rate limit, outage or dead webhook on one never
 * delays another. Every delivery rule is {@link LanePolicy}'s; a {@link LaneStep} performs one step
 * of a lane (at most one request) on {@link LaneWorkers}' bounded pool of {@code
 * maxConcurrentRequests} threads. This class polls the spool, revives dead lanes, stops, and reports
 * health.
 *
 * <p>A lane runs one step at a time. A lane that must wait holds no thread: the {@link Scheduler}
 * wakes it at {@link LanePolicy#readyAt}. A lane with nothing to do is idle until the poll (every
 * {@code pollInterval}) or {@link #wake()} finds pending work for it.
 *
 * <p>Crash contract: claimed messages are in flight in the spool until they are delivered,
 * dead-lettered or released; a crash returns them to pending when the spool is opened, so a crash
 * can only duplicate requests that were in flight (or parts of a split message). {@link #stop}
 * releases everything claimed and unsent. Proven by {@code WebhookLanesTest}. An outcome the spool
 * cannot record (disk full) is kept in the lane's {@link UnrecordedOutcomes} and its write retried
 * before the lane sends anything else; proven on a real full file system by {@code FullDiskLanesTest}.
 */
public final class WebhookLanes {
  private static final Logger log = LoggerFactory.getLogger(WebhookLanes.class);
  private static final Duration STATS_EVERY = Duration.ofSeconds(1);

  private final Spool spool;
  private final RelayAlerts alerts;
  private final LaneMetrics metrics;
  private final LaneSettings settings;
  private final Clock clock;
  private final Scheduler scheduler;
  private final LanePolicy policy;
  private final LaneStep step;
  private final LaneWorkers workers;
  private final RandomGenerator random;
  /** Held while a dead lane is revived (by an admin or by poll), so its recovery is cleared once. */
  private final Object revival = new Object();
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final Map<String, LanesHealth.LastError> lastErrors = new ConcurrentHashMap<>();
  private final AtomicBoolean pollQueued = new AtomicBoolean();
  private volatile boolean stopping;
  private Instant lastStats = Instant.MIN;
  private volatile Future<?> pollTask;
  private volatile DeliveryObserver observer = (ids, status, body) -> {};

  /**
   * Told on a lane thread when Discord has given its final answer for a request: the spool ids it
   * carried, and Discord's status and body (the message object on success). The HTTP intake's
   * {@code ?wait=true} callers hear it through this.
   */
  @FunctionalInterface
  public interface DeliveryObserver {
    void answered(List<Long> ids, int status, String body);
  }

  /** Sets the one observer of final answers (call before {@link #start()}). */
  public void observe(DeliveryObserver observer) {
    this.observer = observer;
  }

  public WebhookLanes(Spool spool, WebhookSink sink, RelayAlerts alerts, LaneMetrics metrics,
      LaneSettings settings, Clock clock, Scheduler scheduler, RandomGenerator random) {
    this.spool = spool;
    this.alerts = alerts;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = random;
    this.policy = new LanePolicy(settings.limits(),
        new ResponseClassifier(new Backoff(settings.backoffBase(), settings.backoffCap(), random)),
        new InvalidRequestBudget(settings.invalidRequestLimit(), InvalidRequestBudget.WINDOW));
    this.step = new LaneStep(spool, sink, policy, alerts, metrics, clock, lastErrors,
        a -> observer.answered(a.ids(), a.status(), a.body()));
    this.workers = new LaneWorkers(settings.maxConcurrentRequests(), scheduler, policy, step, clock);
  }

  /** Starts polling the spool. */
  public void start() {
    schedulePoll(Duration.ZERO);
  }

  /** Looks for pending work now, e.g. right after the intake committed a batch. */
  public void wake() {
    if (!stopping && pollQueued.compareAndSet(false, true) && !workers.submit(this::poll)) {
      pollQueued.set(false);
    }
  }

  /**
   * Stops claiming, lets requests in flight finish for up to {@code grace}, then returns every
   * claimed and unsent message to pending. Nothing is lost; a request still hanging after the grace
   * is abandoned and its messages are released (they may be sent twice).
   */
  public void stop(Duration grace) {
    stopping = true;
    Future<?> p = pollTask;
    if (p != null) {
      p.cancel(false);
    }
    scheduler.shutdown();
    workers.stop(grace);
    List<Long> unsent = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      step.recordOwedAtStop(lane);
      synchronized (lane) {
        unsent.addAll(lane.state.drain());
      }
    }
    workers.abandon();
    if (!unsent.isEmpty()) {
      try {
        spool.release(unsent);
      } catch (SpoolUnavailableException e) {
        log.error("could not release {} messages; the spool returns them to pending on next open", unsent.size(), e);
      }
    }
  }

  /** A webhook an admin fixed: its dead letters return to pending and its lane runs again. */
  public int revive(String webhookId) throws SpoolUnavailableException {
    int n;
    synchronized (revival) { // with poll's revival: the webhook's recovery is cleared once
      boolean wasDead = isMarkedDead(webhookId);
      n = spool.requeueDeadLetters(Optional.of(webhookId));
      if (reviveLane(webhookId) || wasDead) {
        alert(alerts, LanePolicy.revived(webhookId, true, clock.instant()));
      }
    }
    wake();
    return n;
  }

  public LanesHealth health() {
    Instant now = clock.instant();
    Set<String> dead = lanes.values().stream().filter(Lane::isDead).map(l -> l.id).collect(Collectors.toSet());
    return new LanesHealth(now, metrics.deliveredCount(), metrics.retryCount(), metrics.rateLimitedCount(),
        metrics.errorCounts(), metrics.percentile(0.50), metrics.percentile(0.95), metrics.percentile(0.99),
        metrics.oldestPendingAgeSecs(), lastErrors, dead, policy.invalidRequests(now), policy.pausedUntil(now),
        metrics.deadLetteredCount(), metrics.expiredCount(), metrics.byLane());
  }

  // ---- polling --------------------------------------------------------------------------------

  private void schedulePoll(Duration delay) {
    if (!stopping) {
      try {
        pollTask = scheduler.schedule(() -> {
          wake();
          schedulePoll(settings.pollInterval());
        }, delay);
      } catch (RejectedExecutionException e) {
        // shutting down
      }
    }
  }

  private void poll() {
    pollQueued.set(false);
    if (stopping) {
      return;
    }
    try {
      for (String id : spool.webhooksWithPending()) {
        Lane lane = lanes.computeIfAbsent(id, this::newLane);
        synchronized (revival) {
          if (lane.isDead() && !isMarkedDead(id) && reviveLane(id)) {
            // the spool lists it again: an admin requeued it or the config changed
            alert(alerts, LanePolicy.revived(id, false, clock.instant()));
          }
        }
        workers.kick(lane);
      }
      checkStats();
    } catch (SpoolUnavailableException e) {
      log.warn("spool unavailable while polling: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("lanes poll failed", e);
    }
  }

  private void checkStats() throws SpoolUnavailableException {
    Instant now = clock.instant();
    synchronized (this) {
      if (now.isBefore(lastStats.plus(STATS_EVERY))) {
        return;
      }
      lastStats = now;
    }
    Duration age = spool.stats().oldestPending().map(t -> Duration.between(t, now)).orElse(Duration.ZERO);
    metrics.oldestPendingAge(age);
    policy.budgetCheck(now).ifPresent(e -> alert(alerts, e));
  }

  private Lane newLane(String id) {
    return new Lane(id, new UnrecordedOutcomes(
        new Backoff(UnrecordedOutcomes.RETRY_BASE, UnrecordedOutcomes.RETRY_CAP, random)));
  }

  private boolean isMarkedDead(String id) throws SpoolUnavailableException {
    return spool.deadWebhooks().stream().anyMatch(d -> d.webhookId().equals(id));
  }

  /** Lets the lane run again; returns whether it was dead. */
  private boolean reviveLane(String id) {
    return lanes.computeIfAbsent(id, this::newLane).revive();
  }

  /** True when no lane work runs or waits for a worker (for tests that drive the clock by hand). */
  boolean quiet() {
    return workers.quiet();
  }

  /** Raises or clears an operator alert as the policy said. */
  static void alert(RelayAlerts alerts, LaneEffect effect) {
    if (effect instanceof LaneEffect.Raise r) {
      alerts.raise(r.alert());
    } else if (effect instanceof LaneEffect.Clear c) {
      alerts.clear(c.key(), c.detail(), c.at());
    }
  }
}
