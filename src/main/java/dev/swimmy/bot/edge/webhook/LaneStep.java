package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.LaneEffect;
import dev.swimmy.bot.core.relay.LanePlan;
import dev.swimmy.bot.core.relay.LanePolicy;
import dev.swimmy.bot.core.relay.LaneState;
import dev.swimmy.bot.core.relay.RelayAlerts;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.SinkOutcome;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.UnrecordedOutcomes;
import dev.swimmy.bot.core.relay.WebhookSink;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One step of one lane, at most one HTTP request: writes what the lane owes the spool, then asks
 * {@link LanePolicy#plan} what to do, claims or posts as told, hands Discord's answer to {@link
 * LanePolicy#result} and performs the {@link LaneEffect}s on the spool, metrics, alerts and the
 * delivery observer. It decides nothing.
 */
final class LaneStep {
  private static final Logger log = LoggerFactory.getLogger(LaneStep.class);

  private final Spool spool;
  private final WebhookSink sink;
  private final LanePolicy policy;
  private final RelayAlerts alerts;
  private final LaneMetrics metrics;
  private final Clock clock;
  private final Map<String, LanesHealth.LastError> lastErrors;
  private final Consumer<LaneEffect.Answered> observer;

  LaneStep(Spool spool, WebhookSink sink, LanePolicy policy, RelayAlerts alerts, LaneMetrics metrics, Clock clock,
      Map<String, LanesHealth.LastError> lastErrors, Consumer<LaneEffect.Answered> observer) {
    this.spool = spool;
    this.sink = sink;
    this.policy = policy;
    this.alerts = alerts;
    this.metrics = metrics;
    this.clock = clock;
    this.lastErrors = lastErrors;
    this.observer = observer;
  }

  /** Returns whether the lane may have more to do right away or after its wait. */
  boolean run(Lane lane) throws SpoolUnavailableException, InterruptedException {
    Instant now = clock.instant();
    if (!recordOwed(lane, now)) {
      return true;
    }
    LanePlan plan = policy.plan(lane.state, now);
    while (plan instanceof LanePlan.Claim c) {
      lane.state.claimed(spool.claim(lane.id, c.count()));
      lane.owed.writeSucceeded();
      plan = policy.plan(lane.state, now);
    }
    if (!(plan instanceof LanePlan.Send send)) {
      return plan instanceof LanePlan.Wait;
    }
    if (send.split()) {
      metrics.split();
    }
    if (send.truncations() > 0) {
      metrics.truncated(send.truncations());
    }
    SinkOutcome outcome = sink.post(send.webhook(), send.body(), send.extras());
    LanePolicy.Effects effects = policy.result(lane.state, outcome, clock.instant());
    for (LaneEffect effect : effects.effects()) {
      apply(lane, effect);
    }
    return effects.more();
  }

  /** Performs one effect; only {@code WebhookDead} can throw (it must mark the spool first). */
  private void apply(Lane lane, LaneEffect effect) throws SpoolUnavailableException {
    if (effect instanceof LaneEffect.Answered a) {
      try {
        observer.accept(a);
      } catch (RuntimeException e) {
        log.warn("delivery observer failed", e);
      }
    } else if (effect instanceof LaneEffect.Record r) {
      lane.owed.add(r.outcome());
      recordOwed(lane, r.outcome().at());
    } else if (effect instanceof LaneEffect.Delivered d) {
      metrics.delivered(lane.id, d.latencies());
    } else if (effect instanceof LaneEffect.Expired e) {
      metrics.expired(e.count());
    } else if (effect instanceof LaneEffect.Failed f) {
      if (f.retried()) {
        metrics.retry();
      }
      metrics.failure(lane.id, f.reason());
    } else if (effect instanceof LaneEffect.RateLimited) {
      metrics.rateLimited();
    } else if (effect instanceof LaneEffect.LastError e) {
      lastErrors.put(lane.id, e.error());
    } else if (effect instanceof LaneEffect.DeadLettered d) {
      metrics.deadLettered(d.count());
      log.warn("webhook {} rejected {} message(s): {}", lane.id, d.count(), d.reason());
    } else if (effect instanceof LaneEffect.WebhookDead d) {
      webhookDied(lane, d);
    } else if (effect instanceof LaneEffect.PausedAll p) {
      log.warn("global rate limit: every lane pauses until {}", p.until());
    } else {
      WebhookLanes.alert(alerts, effect);
    }
  }

  private void webhookDied(Lane lane, LaneEffect.WebhookDead d) throws SpoolUnavailableException {
    int pending = spool.markWebhookDead(lane.id, d.detail(), d.at());
    // Dead only once the spool says so: a poll seeing a dead lane the spool does not list revives it.
    lane.markDead();
    spool.deadLetter(d.claimed(), "webhook dead: " + d.detail(), d.at());
    int moved = d.claimed().size() + pending;
    metrics.deadLettered(moved);
    log.warn("webhook {} is dead ({}); {} messages moved to dead letters", lane.id, d.detail(), moved);
    alerts.raise(LanePolicy.deadWebhookAlert(lane.id, d.detail(), moved, d.at()));
  }

  /**
   * Writes what the lane owes the spool, oldest first; false while some of it cannot be written yet
   * (the lane then waits and sends nothing: the write is retried, never the send).
   */
  private boolean recordOwed(Lane lane, Instant now) {
    while (true) {
      UnrecordedOutcomes.Next next = lane.owed.next(now);
      if (next instanceof UnrecordedOutcomes.Proceed) {
        return true;
      }
      if (next instanceof UnrecordedOutcomes.WaitUntil w) {
        lane.state.waitUntil(w.at());
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
        lane.state.waitUntil(lane.owed.writeFailed(clock.instant()));
        if (!lane.owedLogged) {
          lane.owedLogged = true;
          log.warn("lane {}: the spool cannot record {} outcome(s) ({}); sending paused, retrying the write "
              + "(never the send) with backoff", lane.id, lane.owed.size(), e.getMessage());
        }
        return false;
      }
    }
  }

  /** One last try to record what a lane owes; what still fails is resent once after the restart. */
  void recordOwedAtStop(Lane lane) {
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

  private void write(UnrecordedOutcomes.Outcome outcome) throws SpoolUnavailableException {
    if (outcome instanceof UnrecordedOutcomes.Delivered d) {
      spool.delivered(d.ids(), d.at());
    } else if (outcome instanceof UnrecordedOutcomes.DeadLettered d) {
      spool.deadLetter(d.ids(), d.reason(), d.at());
    }
  }
}
