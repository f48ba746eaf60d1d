package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every delivery rule of the webhook lanes, as two pure steps the lane's edge calls in turn: {@link
 * #plan} (the lane's claimed messages and state at {@code now} → claim more, send this request, wait,
 * or idle) and {@link #result} (Discord's answer → the {@link LaneEffect}s to perform). The edge
 * only claims, posts and performs; it decides nothing. Time is always a parameter.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Claiming.</b> A lane holds up to {@code claimBatch} claimed messages. When the newest of
 *       them has expired (older than {@code maxAge}), it is an outage's backlog: the lane claims on,
 *       up to {@code digestMax}, so every expired message folds into one digest.
 *   <li><b>Digest.</b> Expired messages go out as one {@link Digest}, not one by one; messages that
 *       expire within a tenth of {@code maxAge} join it rather than make a second digest moments
 *       later.
 *   <li><b>Rebuilding after a wait.</b> A request that waited (outage, backoff) is rebuilt when its
 *       turn comes, unless a part of it already went out: messages that expired meanwhile join the
 *       digest instead of going out late.
 *   <li><b>Packing.</b> Consecutive embed-only messages go in one request ({@link Coalescer});
 *       a single message is fitted to Discord's limits, split or truncated ({@link PayloadLimits}).
 *       A packed request that Discord rejects (400) is resent one message at a time, so only the
 *       bad one is dead-lettered.
 *   <li><b>Waiting.</b> Nothing is sent during a global pause, while the invalid-request budget
 *       is spent, or before the webhook's rate-limit bucket has a slot ({@link RateLimitState},
 *       plus {@code rateLimitMargin}).
 *   <li><b>Answers</b> ({@link ResponseClassifier}): 2xx delivers; 5xx, 408 and network failures
 *       retry with backoff; a 429 blocks the bucket (or every lane, when global); 404 kills the
 *       webhook; 401 and 403 kill it and count against the invalid-request budget, as every
 *       non-shared 429 does; other 4xx dead-letter the message with Discord's error.
 *   <li><b>Alerts.</b> A dead webhook raises {@code dead-webhook:<id>}, cleared when it is
 *       requeued or back; a spent budget raises {@code invalid-request-budget}, cleared when the
 *       window rolls.
 * </ul>
 *
 * <p>One policy serves every lane of a relay: the rate-limit buckets, the budget and the global
 * pause are shared. Thread-safe for different lanes at once; one {@link LaneState} must be used by
 * one step at a time.
 */
public final class LanePolicy {
  /** Most messages claimed at once while taking in an outage's backlog. */
  static final int BACKLOG_CLAIM = 200;
  /** The key of the alert raised while the invalid-request budget stops sending. */
  public static final String BUDGET_ALERT = "invalid-request-budget";

  /**
   * The policy's knobs.
   *
   * @param maxAge a message older than this when its turn comes goes out in a digest
   * @param claimBatch messages a lane claims ahead (enough to fill one packed request)
   * @param coalesce pack consecutive embed-only messages into one request
   * @param digestMax most messages one digest folds
   * @param rateLimitMargin extra wait after a bucket's announced reset, against clock granularity
   */
  public record Limits(Duration maxAge, int claimBatch, boolean coalesce, int digestMax, Duration rateLimitMargin) {
    public Limits {
      Objects.requireNonNull(maxAge, "maxAge");
      Objects.requireNonNull(rateLimitMargin, "rateLimitMargin");
      if (claimBatch < 1 || digestMax < 1) {
        throw new IllegalArgumentException("claimBatch and digestMax must be at least 1");
      }
    }
  }

  private final Limits limits;
  private final ResponseClassifier classifier;
  private final InvalidRequestBudget budget;
  private final RateLimitState rateLimits = new RateLimitState();
  private Instant globalPauseUntil = Instant.MIN;
  private boolean budgetAlerted;

  /**
   * A policy for every lane of one relay: {@code classifier} reads Discord's answers (and holds the
   * retry backoff), {@code budget} counts invalid requests across all lanes.
   */
  public LanePolicy(Limits limits, ResponseClassifier classifier, InvalidRequestBudget budget) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  // ---- plan -----------------------------------------------------------------------------------

  /**
   * What {@code lane} does next at {@code now}: claim more messages (then plan again), send a
   * request (then call {@link #result}), wait, or idle. A {@link LanePlan.Send} has reserved a slot
   * in the webhook's rate-limit bucket; {@link #result} gives it back.
   */
  public LanePlan plan(LaneState lane, Instant now) {
    if (lane.inProgress != null && lane.inProgress.next() == 0
        && (lane.inProgress.digest() || lane.inProgress.members().stream().anyMatch(m -> expired(m, now)))) {
      dissolve(lane);
    }
    if (lane.inProgress == null) {
      Optional<LanePlan> claim = claim(lane, now);
      if (claim.isPresent()) {
        return claim.get();
      }
      lane.claimPhase = 0;
      if (lane.carry.isEmpty()) {
        return new LanePlan.Idle();
      }
      lane.inProgress = nextRequest(lane, now);
    }
    lane.claimPhase = 0;
    Instant paused = pausedUntil(now).orElse(Instant.MIN);
    if (now.isBefore(paused)) {
      return waitUntil(lane, paused);
    }
    Optional<Instant> slot = rateLimits.tryReserve(lane.webhookId(), now);
    if (slot.isPresent()) {
      return waitUntil(lane, slot.get().plus(limits.rateLimitMargin()));
    }
    LaneRequest req = lane.inProgress;
    PayloadLimits.Fitted fitted = req.report();
    return new LanePlan.Send(req.members().get(0).webhook(), req.body(), req.extras(), fitted.split(),
        fitted.truncations());
  }

  private Optional<LanePlan> claim(LaneState lane, Instant now) {
    if (lane.claimPhase == 0) {
      int want = limits.claimBatch() - lane.carry.size();
      lane.claimPhase = 1;
      if (want > 0) {
        return Optional.of(new LanePlan.Claim(want));
      }
    }
    if (lane.claimPhase == 1 && !lane.carry.isEmpty() && expired(lane.carry.peekLast(), now)
        && lane.carry.size() < limits.digestMax()) {
      // An outage's backlog: take every expired message now, so they fold into one digest.
      return Optional.of(new LanePlan.Claim(Math.min(BACKLOG_CLAIM, limits.digestMax() - lane.carry.size())));
    }
    return Optional.empty();
  }

  private static LanePlan waitUntil(LaneState lane, Instant until) {
    lane.readyAt = until;
    return new LanePlan.Wait(until);
  }

  private static void dissolve(LaneState lane) {
    List<SpooledMessage> all = new ArrayList<>(lane.inProgress.members());
    all.addAll(lane.carry);
    all.sort(Comparator.comparingLong(SpooledMessage::id));
    lane.carry.clear();
    lane.carry.addAll(all);
    lane.inProgress = null;
  }

  /** Whether {@code m} is too old at {@code now} to go out on its own. */
  public boolean expired(SpooledMessage m, Instant now) {
    return Duration.between(m.createdAt(), now).compareTo(limits.maxAge()) > 0;
  }

  private LaneRequest nextRequest(LaneState lane, Instant now) {
    if (lane.carry.stream().anyMatch(m -> expired(m, now))) {
      Instant soon = now.plus(limits.maxAge().dividedBy(10));
      List<SpooledMessage> stale = lane.carry.stream().filter(m -> expired(m, soon)).toList();
      lane.carry.removeAll(stale);
      return new LaneRequest(stale, List.of(Digest.payload(stale)), true, false, null);
    }
    boolean single = !limits.coalesce() || lane.sendSingly > 0;
    Coalescer.Pack pack = Coalescer.firstPack(List.copyOf(lane.carry), single ? 1 : limits.claimBatch());
    if (lane.sendSingly > 0) {
      lane.sendSingly--;
    }
    pack.messages().forEach(m -> lane.carry.removeFirst());
    if (pack.messages().size() > 1) {
      return new LaneRequest(pack.messages(), List.of(pack.payloadJson()), false, true, null);
    }
    PayloadLimits.Fitted fitted = PayloadLimits.fit(pack.payloadJson());
    return new LaneRequest(pack.messages(), fitted.payloads(), false, false, fitted);
  }

  // ---- result ---------------------------------------------------------------------------------

  /** The effects of a step and whether the lane may have more to do (now or after its wait). */
  public record Effects(List<LaneEffect> effects, boolean more) {
    public Effects {
      effects = List.copyOf(effects);
    }
  }

  /**
   * What Discord's answer ({@code outcome}, arrived at {@code now}) to the request {@link #plan}
   * last sent for {@code lane} means: the lane's state moves on and the edge gets the effects to
   * perform, in order.
   */
  public Effects result(LaneState lane, SinkOutcome outcome, Instant now) {
    LaneRequest req = Objects.requireNonNull(lane.inProgress, "no request in progress");
    rateLimits.observe(lane.webhookId(),
        outcome instanceof SinkOutcome.Replied r ? Optional.of(r) : Optional.empty(), now);
    DeliveryResult result = classifier.classify(outcome, lane.failures, now);
    List<LaneEffect> out = new ArrayList<>();
    boolean more = true;
    if (result instanceof DeliveryResult.Delivered) {
      if (req.lastPart()) {
        answer(req, outcome, out);
      }
      delivered(lane, req, now, out);
    } else if (result instanceof DeliveryResult.RetryAt r) {
      lane.failures++;
      lane.readyAt = r.at();
      out.add(new LaneEffect.Failed(r.reason(), true));
      out.add(lastError(now, r.reason(), r.detail()));
    } else if (result instanceof DeliveryResult.RateLimited r) {
      rateLimited(lane, r, now, out);
    } else if (result instanceof DeliveryResult.DeadWebhook d) {
      answer(req, outcome, out);
      webhookDied(lane, d, now, out);
      more = false;
    } else {
      if (!req.packed()) {
        answer(req, outcome, out);
      }
      rejected(lane, req, (DeliveryResult.Rejected) result, now, out);
    }
    return new Effects(out, more);
  }

  private static void answer(LaneRequest req, SinkOutcome outcome, List<LaneEffect> out) {
    if (outcome instanceof SinkOutcome.Replied r && !req.digest()) {
      out.add(new LaneEffect.Answered(req.ids(), r.status(), r.body()));
    }
  }

  private static LaneEffect lastError(Instant at, FailureReason reason, String detail) {
    return new LaneEffect.LastError(new LanesHealth.LastError(at, reason, detail));
  }

  private static void delivered(LaneState lane, LaneRequest req, Instant at, List<LaneEffect> out) {
    lane.failures = 0;
    if (!req.lastPart()) {
      req.advance();
      return;
    }
    lane.inProgress = null;
    out.add(new LaneEffect.Record(new UnrecordedOutcomes.Delivered(req.ids(), at)));
    if (req.digest()) {
      out.add(new LaneEffect.Expired(req.members().size()));
    } else {
      out.add(new LaneEffect.Delivered(req.members().stream().map(m -> Duration.between(m.createdAt(), at)).toList()));
    }
  }

  private void rateLimited(LaneState lane, DeliveryResult.RateLimited r, Instant at, List<LaneEffect> out) {
    out.add(new LaneEffect.RateLimited());
    out.add(lastError(at, FailureReason.RATE_LIMITED, r.detail()));
    if (r.invalid()) {
      budget.record(at);
      budgetCheck(at).ifPresent(out::add);
    }
    if (r.global()) {
      synchronized (this) {
        globalPauseUntil = later(globalPauseUntil, r.until());
      }
      out.add(new LaneEffect.PausedAll(r.until()));
    } else {
      rateLimits.block(lane.webhookId(), r.until());
    }
    lane.readyAt = r.until().plus(limits.rateLimitMargin());
  }

  private void webhookDied(LaneState lane, DeliveryResult.DeadWebhook d, Instant at, List<LaneEffect> out) {
    boolean gone = d.status() == 404;
    if (!gone) {
      budget.record(at);
      budgetCheck(at).ifPresent(out::add);
    }
    FailureReason reason = gone ? FailureReason.DEAD_WEBHOOK : FailureReason.AUTH_ERROR;
    out.add(new LaneEffect.Failed(reason, false));
    out.add(lastError(at, reason, d.detail()));
    List<Long> claimed = lane.drain();
    out.add(new LaneEffect.WebhookDead(d.detail(), claimed, at));
  }

  private static void rejected(LaneState lane, LaneRequest req, DeliveryResult.Rejected r, Instant at,
      List<LaneEffect> out) {
    lane.inProgress = null;
    out.add(new LaneEffect.Failed(FailureReason.CLIENT_ERROR, false));
    if (req.packed()) {
      // One of the packed messages is bad: send them one by one so only that one is dead-lettered.
      for (int i = req.members().size() - 1; i >= 0; i--) {
        lane.carry.addFirst(req.members().get(i));
      }
      lane.sendSingly = req.members().size();
      return;
    }
    String reason = "HTTP " + r.status() + " " + r.discordError();
    out.add(new LaneEffect.Record(new UnrecordedOutcomes.DeadLettered(req.ids(), reason, at)));
    out.add(new LaneEffect.DeadLettered(req.members().size(), reason));
    out.add(lastError(at, FailureReason.CLIENT_ERROR, reason));
  }

  // ---- shared waits and alerts ----------------------------------------------------------------

  /** The earliest time {@code lane} may run a step: its own wait, the global pause, its bucket, the budget. */
  public Instant readyAt(LaneState lane, Instant now) {
    Instant ready = later(lane.readyAt, rateLimits.readyAt(lane.webhookId()));
    return later(ready, pausedUntil(now).orElse(Instant.MIN));
  }

  /** Until when every lane is paused (a global 429, or the invalid-request budget spent), if it is at {@code now}. */
  public synchronized Optional<Instant> pausedUntil(Instant now) {
    Instant until = budget.exhausted(now) ? later(globalPauseUntil, budget.nextRelief(now)) : globalPauseUntil;
    return until.isAfter(now) ? Optional.of(until) : Optional.empty();
  }

  /** Invalid requests (401, 403, non-shared 429) in the rolling window ending at {@code now}. */
  public int invalidRequests(Instant now) {
    return budget.count(now);
  }

  /**
   * Raises the budget alert when the budget is spent at {@code now}, or clears it when it is no
   * longer; empty when neither changes. Called after each invalid request and periodically, so the
   * alert clears as the window rolls even when nothing is sent.
   */
  public synchronized Optional<LaneEffect> budgetCheck(Instant now) {
    boolean exhausted = budget.exhausted(now);
    if (exhausted && !budgetAlerted) {
      budgetAlerted = true;
      return Optional.of(new LaneEffect.Raise(new Alert(BUDGET_ALERT, "Webhook sending stopped",
          budget.count(now) + " 401/403/429 answers in 10 minutes (Discord bans at "
              + InvalidRequestBudget.DISCORD_BAN_THRESHOLD + "); sending resumes as the window rolls.", now)));
    }
    if (!exhausted && budgetAlerted) {
      budgetAlerted = false;
      return Optional.of(new LaneEffect.Clear(BUDGET_ALERT, "sending resumed", now));
    }
    return Optional.empty();
  }

  /** The alert key of a dead webhook. */
  public static String deadWebhookKey(String webhookId) {
    return "dead-webhook:" + webhookId;
  }

  /** The alert for a webhook found dead at {@code at}, {@code moved} messages moved to dead letters. */
  public static Alert deadWebhookAlert(String webhookId, String detail, int moved, Instant at) {
    return new Alert(deadWebhookKey(webhookId), "Webhook " + webhookId + " is dead",
        "Discord answered " + detail + ". " + moved
            + " notifications moved to dead letters; fix the webhook in the config or requeue them.", at);
  }

  /** Clears a dead webhook's alert: an admin requeued it ({@code byAdmin}) or the spool lists it again. */
  public static LaneEffect.Clear revived(String webhookId, boolean byAdmin, Instant at) {
    return new LaneEffect.Clear(deadWebhookKey(webhookId),
        "webhook " + webhookId + (byAdmin ? " requeued by an admin" : " is back"), at);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
