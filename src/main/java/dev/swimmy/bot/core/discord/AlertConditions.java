package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.discord.StatusViews.Silence;
import dev.swimmy.bot.core.discord.StatusViews.SourceCondition;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the conditions worth an admin alert out of the relay's health and the sources' states:
 * each becomes one {@link AlertEpisodes} episode, keyed by kind and subject (a webhook id, a
 * source name).
 */
public final class AlertConditions {
  private AlertConditions() {}

  /**
   * Every condition that holds in {@code h} and {@code sources}: each dead webhook, delivery latency
   * over the SLO, failing spool writes, and each broken or silent source. The set keeps that order.
   */
  public static Set<AlertCondition> of(RelayHealth h, Map<String, SourceCondition> sources) {
    Set<AlertCondition> out = new LinkedHashSet<>();
    for (DeadWebhook d : h.deadWebhooks()) {
      out.add(new AlertCondition(AlertKind.DEAD_WEBHOOK, d.webhookId(), d.reason()));
    }
    latency(h).ifPresent(out::add);
    h.spoolError().ifPresent(e -> out.add(new AlertCondition(AlertKind.SPOOL_WRITE_FAILURE, "", e)));
    out.addAll(ofSources(sources));
    return out;
  }

  /**
   * Delivery latency over the SLO: the p99 of recent deliveries, or the oldest pending message
   * already waiting longer (a stuck queue delivers nothing to measure).
   */
  static Optional<AlertCondition> latency(RelayHealth h) {
    if (h.sloBreached()) {
      return Optional.of(new AlertCondition(AlertKind.LATENCY_SLO, "",
          "p99 " + h.latencyP99().map(RelayView::millis).orElse("—") + " over SLO " + RelayView.millis(h.latencySlo())));
    }
    Optional<Duration> waiting = h.oldestPending().map(t -> Duration.between(t, h.takenAt()));
    if (waiting.isPresent() && waiting.get().compareTo(h.latencySlo()) > 0) {
      return Optional.of(new AlertCondition(AlertKind.LATENCY_SLO, "",
          "oldest pending notification waiting " + RelayView.millis(waiting.get()) + ", over SLO "
              + RelayView.millis(h.latencySlo())));
    }
    return Optional.empty();
  }

  /**
   * The condition for an alert the relay raises by key ({@code dead-webhook:<id>}, others), so
   * that it and the same condition read from the health snapshot are one episode, not two.
   */
  public static AlertCondition ofRelayKey(String key, String title, String detail) {
    if (key.startsWith("dead-webhook:")) {
      return new AlertCondition(AlertKind.DEAD_WEBHOOK, key.substring("dead-webhook:".length()), detail);
    }
    return new AlertCondition(AlertKind.RELAY, key, title + (detail.isEmpty() ? "" : ": " + detail));
  }

  /** The event for a one-off alert the relay reports by key ({@code intake-rebuilt}, others). */
  public static AlertCondition ofRelayEvent(String key, String title, String detail) {
    if (key.equals("intake-rebuilt")) {
      return new AlertCondition(AlertKind.INTAKE_REBUILT, "", detail);
    }
    return new AlertCondition(AlertKind.RELAY_EVENT, key, title + (detail.isEmpty() ? "" : ": " + detail));
  }

  /**
   * While the relay's health cannot be read, the open episodes read from it are taken to hold
   * still: not knowing is not a recovery.
   */
  public static Set<AlertCondition> heldWhileRelayUnknown(Collection<AlertEpisode> open) {
    Set<AlertCondition> out = new LinkedHashSet<>();
    for (AlertEpisode e : open) {
      AlertKind k = e.condition().kind();
      if (k == AlertKind.DEAD_WEBHOOK || k == AlertKind.LATENCY_SLO || k == AlertKind.SPOOL_WRITE_FAILURE) {
        out.add(e.condition());
      }
    }
    return out;
  }

  /**
   * The sources' own conditions: one stuck broken ({@code SOURCE_BROKEN}), and one whose silence
   * is {@link Silence#DEAD} ({@code SOURCE_DEAD}, the dead-man alert), named by the source and
   * saying its own last time.
   */
  public static Set<AlertCondition> ofSources(Map<String, SourceCondition> sources) {
    Set<AlertCondition> out = new LinkedHashSet<>();
    sources.forEach((name, c) -> {
      if (c.isBroken()) {
        out.add(new AlertCondition(AlertKind.SOURCE_BROKEN, name, c.state() + (c.detail().isEmpty() ? "" : ": " + c.detail())));
      }
      if (c.silence() == Silence.DEAD) {
        out.add(new AlertCondition(AlertKind.SOURCE_DEAD, name, deadDetail(name, c)));
      }
    });
    return out;
  }

  /**
   * While a source's market is closed, an announced dead-man episode of a source still STALE or
   * MISSING is taken to hold, silently: the engine has not written since, so a "recovered" would
   * lie, and when the market reopens with the source still silent the same episode goes on (no
   * second alert). It ends with its recovery once the source is written again. An episode not yet
   * announced is not held: it ends silently, and a closed market opens none.
   */
  public static Set<AlertCondition> heldWhileMarketClosed(Collection<AlertEpisode> open,
      Map<String, SourceCondition> sources) {
    Set<AlertCondition> out = new LinkedHashSet<>();
    for (AlertEpisode e : open) {
      SourceCondition c = sources.get(e.condition().subject());
      if (e.condition().kind() == AlertKind.SOURCE_DEAD && e.announced() && c != null
          && c.silence() == Silence.MARKET_CLOSED) {
        out.add(e.condition());
      }
    }
    return out;
  }

  /** E.g. {@code live-status is STALE; its last own time 2026-11-27T21:59:00Z (<t:…:R>)}. */
  static String deadDetail(String name, SourceCondition c) {
    String last = c.lastTime() == null
        ? "never"
        : c.lastTime() + " (" + RelayView.relative(c.lastTime()) + ")";
    return name + " is " + c.state() + "; its last own time " + last
        + (c.detail().isEmpty() ? "" : " — " + c.detail());
  }
}
