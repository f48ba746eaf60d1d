package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.discord.AlertCondition.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns "what is wrong now" into "what to tell the admins": each condition (kind + subject) is
 * raised once per episode, after its kind's grace has passed, and a recovery is sent when an
 * episode that was raised clears. A condition that clears within its grace sends nothing. Not
 * thread-safe: one poller owns it. Time is passed in.
 */
public final class AlertEpisodes {
  private final Map<Key, Episode> open = new LinkedHashMap<>();

  private static final class Episode {
    final Instant since;
    AlertCondition latest;
    boolean raised;

    Episode(AlertCondition c, Instant since) {
      this.latest = c;
      this.since = since;
    }
  }

  /** Feeds the full set of conditions that hold at {@code now}; returns the alerts to send. */
  public List<AlertEvent> observe(Set<AlertCondition> current, Instant now) {
    List<AlertEvent> out = new ArrayList<>();
    Map<Key, AlertCondition> byKey = new LinkedHashMap<>();
    for (AlertCondition c : current) {
      byKey.putIfAbsent(c.key(), c);
    }
    var it = open.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      if (!byKey.containsKey(e.getKey())) {
        if (e.getValue().raised) {
          out.add(new AlertEvent.Recovered(e.getValue().latest, e.getValue().since, now));
        }
        it.remove();
      }
    }
    for (AlertCondition c : byKey.values()) {
      Episode ep = open.computeIfAbsent(c.key(), k -> new Episode(c, now));
      ep.latest = c;
      Duration lasted = Duration.between(ep.since, now);
      if (!ep.raised && lasted.compareTo(c.kind().grace()) >= 0) {
        ep.raised = true;
        out.add(new AlertEvent.Raised(c, ep.since));
      }
    }
    return out;
  }

  /** Conditions raised and not yet recovered. */
  public List<AlertCondition> active() {
    return open.values().stream().filter(e -> e.raised).map(e -> e.latest).toList();
  }
}
