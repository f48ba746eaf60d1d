package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.discord.StatusViews.SourceCondition;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads the conditions worth an admin alert out of the relay's health and the sources' states. */
public final class AlertConditions {
  private AlertConditions() {}

  public static Set<AlertCondition> of(NotifierHealth h, Map<String, SourceCondition> sources) {
    Set<AlertCondition> out = new LinkedHashSet<>();
    for (DeadWebhook d : h.deadWebhooks()) {
      out.add(new AlertCondition(AlertKind.DEAD_WEBHOOK, d.webhookId(), d.reason()));
    }
    if (h.sloBreached()) {
      out.add(new AlertCondition(AlertKind.LATENCY_SLO, "",
          "p99 " + h.latencyP99().map(NotifierView::millis).orElse("—") + " over SLO " + NotifierView.millis(h.latencySlo())));
    }
    h.spoolError().ifPresent(e -> out.add(new AlertCondition(AlertKind.SPOOL_WRITE_FAILURE, "", e)));
    out.addAll(ofSources(sources));
    return out;
  }

  /**
   * The condition for an alert the relay raises by key ({@code dead-webhook:<id>}, {@code
   * latency-slo}, others), so that it and the same condition read from the health snapshot are
   * one episode, not two.
   */
  public static AlertCondition ofRelayKey(String key, String title, String detail) {
    if (key.startsWith("dead-webhook:")) {
      return new AlertCondition(AlertKind.DEAD_WEBHOOK, key.substring("dead-webhook:".length()), detail);
    }
    if (key.equals("latency-slo")) {
      return new AlertCondition(AlertKind.LATENCY_SLO, "", title + (detail.isEmpty() ? "" : ": " + detail));
    }
    return new AlertCondition(AlertKind.RELAY, key, title + (detail.isEmpty() ? "" : ": " + detail));
  }

  public static Set<AlertCondition> ofSources(Map<String, SourceCondition> sources) {
    Set<AlertCondition> out = new LinkedHashSet<>();
    sources.forEach((name, c) -> {
      if (c.isBroken()) {
        out.add(new AlertCondition(AlertKind.SOURCE_BROKEN, name, c.state() + (c.detail().isEmpty() ? "" : ": " + c.detail())));
      }
    });
    return out;
  }
}
