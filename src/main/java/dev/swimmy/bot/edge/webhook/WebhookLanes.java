package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.Backoff;
import dev.swimmy.bot.core.relay.Coalescer;
import dev.swimmy.bot.core.relay.DeliveryResult;
import dev.swimmy.bot.core.relay.Digest;
import dev.swimmy.bot.core.relay.FailureReason;
import dev.swimmy.bot.core.relay.InvalidRequestBudget;
import dev.swimmy.bot.core.relay.MessageExtras;
import dev.swimmy.bot.core.relay.PayloadLimits;
import dev.swimmy.bot.core.relay.RateLimitState;
import dev.swimmy.bot.core.relay.RelayAlerts;
import dev.swimmy.bot.core.relay.ResponseClassifier;
import dev.swimmy.bot.core.relay.SenderHealth;
import dev.swimmy.bot.core.relay.SinkOutcome;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.SpooledMessage;
import dev.swimmy.bot.core.relay.UnrecordedOutcomes;
import dev.swimmy.bot.core.relay.WebhookSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook sender: one lane per webhook id, so a rate limit, outage or dead webhook on one never
 * delays another, over a bounded pool of {@code maxConcurrentRequests} worker threads (each renamed
 * {@code swimmy-lane-<webhook id>} while it works for a lane).
 *
 * <p>A lane sends one request at a time, in spool order: it claims up to {@code claimBatch}
 * messages, folds those older than {@code maxAge} into one {@link Digest}, packs consecutive
 * embed-only ones ({@link Coalescer}) or fits a single one to Discord's limits ({@link
 * PayloadLimits}), reserves a slot in the webhook's rate-limit bucket ({@link RateLimitState})
 * <em>before</em> sending, and acts on the {@link DeliveryResult}. A lane that must wait (bucket
 * empty, 429, backoff, global pause, invalid-request budget spent) holds no thread: the {@link
 * Scheduler} wakes it. A lane with nothing to do is idle until the poll (every {@code pollInterval})
 * or {@link #wake()} finds pending work for it.
 *
 * <p>Crash contract: claimed messages are in flight in the spool until they are delivered,
 * dead-lettered or released; a crash returns them to pending when the spool is opened, so a crash
 * can only duplicate requests that were in flight (or parts of a split message). {@link #stop}
 * releases everything claimed and unsent. Proven by {@code WebhookLanesTest}.
 *
 * <p>An outcome the spool cannot record (disk full) is kept in the lane's {@link
 * UnrecordedOutcomes} and its write retried with backoff before the lane sends anything else; its
 * messages are never sent again by this run, and at most once more after a restart (they are still
 * in flight in the spool). Proven on a real full file system by {@code FullDiskLanesTest}.
 */
public final class WebhookLanes {
  private static final Logger log = LoggerFactory.getLogger(WebhookLanes.class);
  private static final Duration SPOOL_RETRY = Duration.ofSeconds(1);
  private static final Duration STATS_EVERY = Duration.ofSeconds(1);

  private final Spool spool;
  private final WebhookSink sink;
  private final RelayAlerts alerts;
  private final SenderMetrics metrics;
  private final SenderSettings settings;
  private final Clock clock;
  private final Scheduler scheduler;
  private final ResponseClassifier classifier;
  private final RateLimitState rateLimits = new RateLimitState();
  private final InvalidRequestBudget budget;
  private final ThreadPoolExecutor workers;
  private final RandomGenerator random;
  /** Held while a dead lane is revived (by an admin or by poll), so its recovery is cleared once. */
  private final Object revival = new Object();
  private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
  private final Map<String, SenderHealth.LastError> lastErrors = new ConcurrentHashMap<>();
  private final AtomicBoolean pollQueued = new AtomicBoolean();
  private final AtomicInteger stepsRunning = new AtomicInteger();
  private volatile boolean stopping;
  private volatile Instant globalPauseUntil = Instant.MIN;
  private boolean budgetAlerted;
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

  public WebhookLanes(Spool spool, WebhookSink sink, RelayAlerts alerts, SenderMetrics metrics,
      SenderSettings settings, Clock clock, Scheduler scheduler, RandomGenerator random) {
    this.spool = spool;
    this.sink = sink;
    this.alerts = alerts;
    this.metrics = metrics;
    this.settings = settings;
    this.clock = clock;
    this.scheduler = scheduler;
    this.classifier = new ResponseClassifier(new Backoff(settings.backoffBase(), settings.backoffCap(), random));
    this.budget = new InvalidRequestBudget(settings.invalidRequestLimit(), InvalidRequestBudget.WINDOW);
    this.random = random;
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(settings.maxConcurrentRequests(), settings.maxConcurrentRequests(),
        0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "swimmy-lane-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** One webhook's queue position and waits. Fields are used by one step at a time ({@code running}). */
  private static final class Lane {
    final String id;
    final Deque<SpooledMessage> carry = new ArrayDeque<>();
    final UnrecordedOutcomes owed;
    Request inProgress;
    boolean running;
    /** Work may have arrived while a step ran: run another step when this one ends. */
    boolean nudged;
    boolean dead;
    boolean wakeScheduled;
    Instant readyAt = Instant.MIN;
    int failures;
    int sendSingly;
    /** Whether the current episode of unrecordable outcomes was logged (once per episode). */
    boolean owedLogged;

    Lane(String id, UnrecordedOutcomes owed) {
      this.id = id;
      this.owed = owed;
    }
  }

  /** One request to make: the messages it delivers and its body, or bodies for a split message. */
  private static final class Request {
    final List<SpooledMessage> members;
    final List<String> parts;
    final boolean digest;
    final boolean packed;
    int next;

    Request(List<SpooledMessage> members, List<String> parts, boolean digest, boolean packed) {
      this.members = List.copyOf(members);
      this.parts = List.copyOf(parts);
      this.digest = digest;
      this.packed = packed;
    }

    List<Long> ids() {
      return members.stream().map(SpooledMessage::id).toList();
    }
  }

  /** Starts polling the spool. */
  public void start() {
    schedulePoll(Duration.ZERO);
  }

  /** Looks for pending work now, e.g. right after the intake committed a batch. */
  public void wake() {
    if (!stopping && pollQueued.compareAndSet(false, true)) {
      try {
        workers.execute(this::poll);
      } catch (RejectedExecutionException e) {
        pollQueued.set(false);
      }
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
    workers.shutdown();
    try {
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} sends still in flight after {}; releasing their messages", stepsRunning.get(), grace);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Long> unsent = new ArrayList<>();
    for (Lane lane : lanes.values()) {
      recordOwedAtStop(lane);
      synchronized (lane) {
        lane.carry.forEach(m -> unsent.add(m.id()));
        lane.carry.clear();
        if (lane.inProgress != null) {
          unsent.addAll(lane.inProgress.ids());
          lane.inProgress = null;
        }
      }
    }
    workers.shutdownNow();
    if (!unsent.isEmpty()) {
      try {
        spool.release(unsent);
      } catch (SpoolUnavailableException e) {
        log.error("could not release {} messages; the spool returns them to pending on next open", unsent.size(), e);
      }
    }
  }

  /** One last try to record what a lane owes; what still fails is resent once after the restart. */
  private void recordOwedAtStop(Lane lane) {
    for (UnrecordedOutcomes.Outcome outcome : lane.owed.owed()) {
      try {
        write(outcome);
        lane.owed.recorded(outcome);
      } catch (SpoolUnavailableException | RuntimeException e) {
        log.error("lane {}: {} outcome(s) still not recorded at stop ({}); their messages stay in flight in the "
            + "spool and are sent once more after the restart", lane.id, lane.owed.size(), e.getMessage());
        return;
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
        alerts.clear("dead-webhook:" + webhookId, "webhook " + webhookId + " requeued by an admin", clock.instant());
      }
    }
    wake();
    return n;
  }

  public SenderHealth health() {
    Instant now = clock.instant();
    Set<String> dead = new HashSet<>();
    lanes.values().forEach(l -> {
      if (l.dead) {
        dead.add(l.id);
      }
    });
    Instant pause = globalPauseUntil.isAfter(now) ? globalPauseUntil
        : budget.exhausted(now) ? budget.nextRelief(now) : null;
    return new SenderHealth(now, metrics.deliveredCount(), metrics.retryCount(), metrics.rateLimitedCount(),
        metrics.errorCounts(), metrics.percentile(0.50), metrics.percentile(0.95), metrics.percentile(0.99),
        metrics.oldestPendingAgeSecs(), lastErrors, dead, budget.count(now), Optional.ofNullable(pause),
        metrics.deadLetteredCount(), metrics.expiredCount());
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
          if (lane.dead && !isMarkedDead(id) && reviveLane(id)) {
            // the spool lists it again: an admin requeued it or the config changed
            alerts.clear("dead-webhook:" + id, "webhook " + id + " is back", clock.instant());
          }
        }
        kick(lane);
      }
      checkStats();
    } catch (SpoolUnavailableException e) {
      log.warn("spool unavailable while polling: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("sender poll failed", e);
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
    checkBudget(now);
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
    Lane lane = lanes.computeIfAbsent(id, this::newLane);
    synchronized (lane) {
      boolean wasDead = lane.dead;
      lane.dead = false;
      lane.failures = 0;
      return wasDead;
    }
  }

  // ---- lane scheduling ------------------------------------------------------------------------

  private void kick(Lane lane) {
    Instant now = clock.instant();
    synchronized (lane) {
      if (lane.running) {
        // The running step may already have claimed (and found nothing) before this work was
        // committed; without the nudge it would wait for the next poll.
        lane.nudged = true;
        return;
      }
      if (lane.dead || stopping) {
        return;
      }
      Instant gate = latest(lane.readyAt, globalPauseUntil, rateLimits.readyAt(lane.id));
      if (budget.exhausted(now)) {
        gate = latest(gate, budget.nextRelief(now));
      }
      if (now.isBefore(gate)) {
        if (!lane.wakeScheduled) {
          lane.wakeScheduled = true;
          scheduleWake(lane, Duration.between(now, gate));
        }
        return;
      }
      lane.running = true;
    }
    try {
      workers.execute(() -> runStep(lane));
    } catch (RejectedExecutionException e) {
      synchronized (lane) {
        lane.running = false;
      }
    }
  }

  private void scheduleWake(Lane lane, Duration delay) {
    try {
      scheduler.schedule(() -> {
        synchronized (lane) {
          lane.wakeScheduled = false;
        }
        kick(lane);
      }, delay);
    } catch (RejectedExecutionException e) {
      synchronized (lane) {
        lane.wakeScheduled = false;
      }
    }
  }

  private void runStep(Lane lane) {
    Thread me = Thread.currentThread();
    String name = me.getName();
    me.setName("swimmy-lane-" + lane.id);
    stepsRunning.incrementAndGet();
    boolean more = false;
    try {
      more = step(lane);
    } catch (SpoolUnavailableException e) {
      // A claim that cannot be written backs off like an unrecorded outcome: never a hot loop.
      lane.readyAt = lane.owed.writeFailed(clock.instant());
      if (lane.owed.failuresInARow() == 1) {
        log.warn("spool unavailable in lane {}: {}; retrying with backoff", lane.id, e.getMessage());
      }
      more = true;
    } catch (InterruptedException e) {
      me.interrupt();
    } catch (RuntimeException e) {
      log.error("lane {} failed; retrying in {}", lane.id, SPOOL_RETRY, e);
      lane.readyAt = clock.instant().plus(SPOOL_RETRY);
      more = true;
    } finally {
      stepsRunning.decrementAndGet();
      me.setName(name);
      synchronized (lane) {
        lane.running = false;
        more |= lane.nudged;
        lane.nudged = false;
      }
    }
    if (more) {
      kick(lane);
    }
  }

  // ---- one step of a lane: at most one HTTP request -------------------------------------------

  /** Returns whether the lane may have more to do right away or after its wait. */
  private boolean step(Lane lane) throws SpoolUnavailableException, InterruptedException {
    if (stopping) {
      return false;
    }
    Instant now = clock.instant();
    if (!recordOwed(lane, now)) {
      return true;
    }
    if (lane.inProgress != null && lane.inProgress.next == 0
        && (lane.inProgress.digest || lane.inProgress.members.stream().anyMatch(m -> expired(m, now)))) {
      // A request that waited (outage, backoff) is rebuilt when its turn comes: messages that
      // expired meanwhile join the one digest instead of going out late.
      dissolve(lane);
    }
    if (lane.inProgress == null) {
      topUp(lane, now);
      if (lane.carry.isEmpty()) {
        return false;
      }
      lane.inProgress = nextRequest(lane, now);
    }
    Instant paused = latest(globalPauseUntil, budget.exhausted(now) ? budget.nextRelief(now) : Instant.MIN);
    if (now.isBefore(paused)) {
      lane.readyAt = paused;
      return true;
    }
    Optional<Instant> wait = rateLimits.tryReserve(lane.id, now);
    if (wait.isPresent()) {
      lane.readyAt = wait.get().plus(settings.rateLimitMargin());
      return true;
    }
    Request req = lane.inProgress;
    SinkOutcome outcome = sink.post(req.members.get(0).webhook(), req.parts.get(req.next), extrasOf(req));
    Instant after = clock.instant();
    rateLimits.observe(lane.id,
        outcome instanceof SinkOutcome.Replied r ? Optional.of(r) : Optional.empty(), after);
    DeliveryResult result = classifier.classify(outcome, lane.failures, after);
    if (result instanceof DeliveryResult.Delivered) {
      if (req.next + 1 == req.parts.size()) {
        tell(req, outcome);
      }
      return delivered(lane, req, after);
    } else if (result instanceof DeliveryResult.RetryAt r) {
      lane.failures++;
      lane.readyAt = r.at();
      metrics.retry();
      metrics.failure(r.reason(), 1);
      recordError(lane, after, r.reason(), r.detail());
      return true;
    } else if (result instanceof DeliveryResult.RateLimited r) {
      return rateLimited(lane, r, after);
    } else if (result instanceof DeliveryResult.DeadWebhook d) {
      tell(req, outcome);
      webhookDied(lane, d, after);
      return false;
    } else {
      if (!req.packed) {
        tell(req, outcome);
      }
      return rejected(lane, req, (DeliveryResult.Rejected) result, after);
    }
  }

  /** A single message's thread and files; a digest or a pack has none (packs never hold such). */
  private static MessageExtras extrasOf(Request req) {
    if (req.digest || req.members.size() != 1) {
      return MessageExtras.ZMQ;
    }
    MessageExtras extras = req.members.get(0).extras();
    // A message split in parts sends its files with the first part only.
    return req.next == 0 ? extras : new MessageExtras(extras.intake(), extras.threadId(), List.of());
  }

  private void tell(Request req, SinkOutcome outcome) {
    if (outcome instanceof SinkOutcome.Replied r && !req.digest) {
      try {
        observer.answered(req.ids(), r.status(), r.body());
      } catch (RuntimeException e) {
        log.warn("delivery observer failed", e);
      }
    }
  }

  private static void dissolve(Lane lane) {
    List<SpooledMessage> all = new ArrayList<>(lane.inProgress.members);
    all.addAll(lane.carry);
    all.sort(java.util.Comparator.comparingLong(SpooledMessage::id));
    lane.carry.clear();
    lane.carry.addAll(all);
    lane.inProgress = null;
  }

  private void topUp(Lane lane, Instant now) throws SpoolUnavailableException {
    int want = settings.claimBatch() - lane.carry.size();
    if (want > 0) {
      lane.carry.addAll(spool.claim(lane.id, want));
      lane.owed.writeSucceeded();
    }
    // An outage's backlog: take every expired message now, so they fold into one digest.
    while (!lane.carry.isEmpty() && expired(lane.carry.peekLast(), now)
        && lane.carry.size() < settings.digestMax()) {
      List<SpooledMessage> more = spool.claim(lane.id, Math.min(200, settings.digestMax() - lane.carry.size()));
      if (more.isEmpty()) {
        break;
      }
      lane.carry.addAll(more);
    }
  }

  private boolean expired(SpooledMessage m, Instant now) {
    return Duration.between(m.createdAt(), now).compareTo(settings.maxAge()) > 0;
  }

  private Request nextRequest(Lane lane, Instant now) {
    List<SpooledMessage> stale = lane.carry.stream().filter(m -> expired(m, now)).toList();
    if (!stale.isEmpty()) {
      // Messages about to expire (within a tenth of max-age) join this digest rather than
      // making a second one moments later.
      Instant soon = now.plus(settings.maxAge().dividedBy(10));
      stale = lane.carry.stream().filter(m -> expired(m, soon)).toList();
      lane.carry.removeAll(stale);
      return new Request(stale, List.of(Digest.payload(stale)), true, false);
    }
    boolean single = !settings.coalesce() || lane.sendSingly > 0;
    Coalescer.Pack pack = Coalescer.firstPack(List.copyOf(lane.carry), single ? 1 : settings.claimBatch());
    if (lane.sendSingly > 0) {
      lane.sendSingly--;
    }
    pack.messages().forEach(m -> lane.carry.removeFirst());
    if (pack.messages().size() > 1) {
      return new Request(pack.messages(), List.of(pack.payloadJson()), false, true);
    }
    PayloadLimits.Fitted fitted = PayloadLimits.fit(pack.payloadJson());
    if (fitted.split()) {
      metrics.split();
    }
    if (fitted.truncations() > 0) {
      metrics.truncated(fitted.truncations());
    }
    return new Request(pack.messages(), fitted.payloads(), false, false);
  }

  private boolean delivered(Lane lane, Request req, Instant at) {
    lane.failures = 0;
    if (req.next + 1 < req.parts.size()) {
      req.next++;
      return true;
    }
    lane.inProgress = null;
    lane.owed.add(new UnrecordedOutcomes.Delivered(req.ids(), at));
    recordOwed(lane, at);
    if (req.digest) {
      metrics.expired(req.members.size());
      return true;
    }
    metrics.delivered(req.members.size());
    for (SpooledMessage m : req.members) {
      metrics.latency(Duration.between(m.createdAt(), at));
    }
    return true;
  }

  private boolean rateLimited(Lane lane, DeliveryResult.RateLimited r, Instant at) {
    metrics.rateLimited();
    recordError(lane, at, FailureReason.RATE_LIMITED, r.detail());
    if (r.invalid()) {
      budget.record(at);
      checkBudget(at);
    }
    if (r.global()) {
      synchronized (this) {
        globalPauseUntil = latest(globalPauseUntil, r.until());
      }
      log.warn("global rate limit: every lane pauses until {}", r.until());
    } else {
      rateLimits.block(lane.id, r.until());
    }
    lane.readyAt = r.until().plus(settings.rateLimitMargin());
    return true;
  }

  private void webhookDied(Lane lane, DeliveryResult.DeadWebhook d, Instant at) throws SpoolUnavailableException {
    if (d.status() != 404) {
      budget.record(at);
      checkBudget(at);
    }
    FailureReason reason = d.status() == 404 ? FailureReason.DEAD_WEBHOOK : FailureReason.AUTH_ERROR;
    metrics.failure(reason, 1);
    recordError(lane, at, reason, d.detail());
    List<Long> claimed = new ArrayList<>(lane.inProgress.ids());
    lane.carry.forEach(m -> claimed.add(m.id()));
    lane.carry.clear();
    lane.inProgress = null;
    synchronized (lane) {
      lane.dead = true;
    }
    int pending = spool.markWebhookDead(lane.id, d.detail(), at);
    spool.deadLetter(claimed, "webhook dead: " + d.detail(), at);
    metrics.deadLettered(claimed.size() + pending);
    log.warn("webhook {} is dead ({}); {} messages moved to dead letters", lane.id, d.detail(), claimed.size() + pending);
    alerts.raise(new RelayAlerts.Alert("dead-webhook:" + lane.id, "Webhook " + lane.id + " is dead",
        "Discord answered " + d.detail() + ". " + (claimed.size() + pending)
            + " notifications moved to dead letters; fix the webhook in the config or requeue them.", at));
  }

  private boolean rejected(Lane lane, Request req, DeliveryResult.Rejected r, Instant at) {
    lane.inProgress = null;
    metrics.failure(FailureReason.CLIENT_ERROR, 1);
    if (req.packed) {
      // One of the packed messages is bad: send them one by one so only that one is dead-lettered.
      for (int i = req.members.size() - 1; i >= 0; i--) {
        lane.carry.addFirst(req.members.get(i));
      }
      lane.sendSingly = req.members.size();
      return true;
    }
    String reason = "HTTP " + r.status() + " " + r.discordError();
    lane.owed.add(new UnrecordedOutcomes.DeadLettered(req.ids(), reason, at));
    recordOwed(lane, at);
    metrics.deadLettered(req.members.size());
    recordError(lane, at, FailureReason.CLIENT_ERROR, reason);
    log.warn("webhook {} rejected {} message(s): {}", lane.id, req.members.size(), reason);
    return true;
  }

  // ---- recording outcomes ----------------------------------------------------------------------

  /**
   * Writes what the lane owes the spool, oldest first; false while some of it cannot be written yet
   * (the lane then waits until {@code lane.readyAt} and sends nothing: the write is retried, never
   * the send).
   */
  private boolean recordOwed(Lane lane, Instant now) {
    while (true) {
      UnrecordedOutcomes.Next next = lane.owed.next(now);
      if (next instanceof UnrecordedOutcomes.Proceed) {
        return true;
      }
      if (next instanceof UnrecordedOutcomes.WaitUntil w) {
        lane.readyAt = w.at();
        return false;
      }
      UnrecordedOutcomes.Outcome outcome = ((UnrecordedOutcomes.Write) next).outcome();
      try {
        write(outcome);
        lane.owed.recorded(outcome);
        if (lane.owed.isEmpty() && lane.owedLogged) {
          lane.owedLogged = false;
          log.info("lane {}: the spool recorded every outcome it could not record before", lane.id);
        }
      } catch (SpoolUnavailableException e) {
        lane.readyAt = lane.owed.writeFailed(clock.instant());
        if (!lane.owedLogged) {
          lane.owedLogged = true;
          log.warn("lane {}: the spool cannot record {} outcome(s) ({}); sending paused, retrying the write "
              + "(never the send) with backoff", lane.id, lane.owed.size(), e.getMessage());
        }
        return false;
      }
    }
  }

  private void write(UnrecordedOutcomes.Outcome outcome) throws SpoolUnavailableException {
    if (outcome instanceof UnrecordedOutcomes.Delivered d) {
      spool.delivered(d.ids(), d.at());
    } else if (outcome instanceof UnrecordedOutcomes.DeadLettered d) {
      spool.deadLetter(d.ids(), d.reason(), d.at());
    }
  }

  // ---- health and alerts ----------------------------------------------------------------------

  private void recordError(Lane lane, Instant at, FailureReason reason, String detail) {
    lastErrors.put(lane.id, new SenderHealth.LastError(at, reason, detail));
  }

  private synchronized void checkBudget(Instant now) {
    boolean exhausted = budget.exhausted(now);
    if (exhausted && !budgetAlerted) {
      budgetAlerted = true;
      log.error("{} invalid requests in 10 minutes: sending stopped until the count falls", budget.count(now));
      alerts.raise(new RelayAlerts.Alert("invalid-request-budget", "Webhook sending stopped",
          budget.count(now) + " 401/403/429 answers in 10 minutes (Discord bans at "
              + InvalidRequestBudget.DISCORD_BAN_THRESHOLD + "); sending resumes as the window rolls.", now));
    } else if (!exhausted && budgetAlerted) {
      budgetAlerted = false;
      alerts.clear("invalid-request-budget", "sending resumed", now);
    }
  }

  private static Instant latest(Instant a, Instant... more) {
    Instant max = a;
    for (Instant b : more) {
      if (b.isAfter(max)) {
        max = b;
      }
    }
    return max;
  }
}
