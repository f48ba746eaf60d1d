package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.discord.AlertCondition.Key;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for admin alerts: turns "what is wrong now" into "what to tell the admins", given
 * the episodes already open. Pure: the caller passes the open episodes and the time, and gets back
 * the new open episodes, what to announce, and what its store must save or remove.
 *
 * <ul>
 *   <li>A condition (kind + subject) opens an episode the first time it is seen; the episode is
 *       announced once the condition has held for its kind's {@link AlertKind#grace()}, and never
 *       again while it stays open. A changed detail is the same episode.
 *   <li>When the condition is no longer seen, an announced episode ends with one recovery once it
 *       has stayed away for its kind's {@link AlertKind#quiet()}; an episode never announced (it
 *       cleared within its grace) ends silently.
 *   <li>An event kind ({@link AlertKind#isEvent()}) is announced when it happens; repeats within
 *       {@code quiet} of the last one are not; its episode ends silently after that.
 *   <li>After a restart the saved episodes are {@link #restored}: an announced one is not
 *       announced again, and its recovery (or a silent end, for an event) follows the same rules,
 *       with {@code quiet} counted from the restart.
 * </ul>
 */
public final class AlertEpisodes {
  private AlertEpisodes() {}

  /**
   * What one observation changes. {@code open} replaces the caller's open episodes; {@code remove}
   * then {@code save} are the store's changes, in that order (an episode is saved when it opens and
   * when it is announced, not on every sighting); {@code announce} is what to send, in order.
   */
  public record Step(Map<Key, AlertEpisode> open, List<AlertEvent> announce, List<AlertEpisode> save, List<Key> remove) {
    public Step {
      open = Collections.unmodifiableMap(new LinkedHashMap<>(open));
      announce = List.copyOf(announce);
      save = List.copyOf(save);
      remove = List.copyOf(remove);
    }
  }

  /** The open episodes from a store's saved ones, as last seen at {@code now} (the restart). */
  public static Map<Key, AlertEpisode> restored(Collection<AlertEpisode> saved, Instant now) {
    Map<Key, AlertEpisode> open = new LinkedHashMap<>();
    for (AlertEpisode e : saved) {
      open.put(e.key(), new AlertEpisode(e.condition(), e.since(), now, e.announced()));
    }
    return Collections.unmodifiableMap(open);
  }

  /**
   * Observes every condition that holds at {@code now} (conditions of event kinds are taken as
   * {@link #event}s); any open condition episode missing from {@code current} is clearing.
   */
  public static Step observe(Map<Key, AlertEpisode> open, Set<AlertCondition> current, Instant now) {
    Map<Key, AlertCondition> seen = new LinkedHashMap<>();
    for (AlertCondition c : current) {
      seen.putIfAbsent(c.key(), c);
    }
    Builder b = new Builder(open);
    for (AlertEpisode e : open.values()) {
      if (!seen.containsKey(e.key())) {
        b.unseen(e, now);
      }
    }
    for (AlertCondition c : seen.values()) {
      b.seen(c, now);
    }
    return b.step();
  }

  /** Observes one event (e.g. intake rebuilt) at {@code now}. */
  public static Step event(Map<Key, AlertEpisode> open, AlertCondition event, Instant now) {
    Builder b = new Builder(open);
    b.seen(event, now);
    return b.step();
  }

  /** The announced episodes still open, oldest first; what an admin would call "active". */
  public static List<AlertCondition> active(Map<Key, AlertEpisode> open) {
    return open.values().stream().filter(AlertEpisode::announced).map(AlertEpisode::condition).toList();
  }

  private static final class Builder {
    final Map<Key, AlertEpisode> open;
    final List<AlertEvent> announce = new ArrayList<>();
    final List<AlertEpisode> save = new ArrayList<>();
    final List<Key> remove = new ArrayList<>();

    Builder(Map<Key, AlertEpisode> open) {
      this.open = new LinkedHashMap<>(open);
    }

    void unseen(AlertEpisode e, Instant now) {
      boolean quietEnough = !now.isBefore(e.lastSeen().plus(e.condition().kind().quiet()));
      if (e.announced() && !quietEnough) {
        return; // held open: it may come back (or an event repeat) within the quiet time
      }
      open.remove(e.key());
      remove.add(e.key());
      if (e.announced() && !e.condition().kind().isEvent()) {
        announce.add(new AlertEvent.Recovered(e.condition(), e.since(), now));
      }
    }

    void seen(AlertCondition c, Instant now) {
      AlertEpisode was = open.get(c.key());
      if (was != null && c.kind().isEvent() && !now.isBefore(was.lastSeen().plus(c.kind().quiet()))) {
        unseen(was, now); // an event whose repeat window had passed: this one is a new episode
        was = null;
      }
      Instant since = was == null ? now : was.since();
      boolean due = !now.isBefore(since.plus(c.kind().grace()));
      boolean announced = was != null && was.announced();
      AlertEpisode next = new AlertEpisode(c, since, now, announced || due);
      open.put(c.key(), next);
      if (!announced && due) {
        announce.add(new AlertEvent.Raised(c, since));
      }
      if (was == null || announced != next.announced()) {
        save.add(next);
      }
    }

    Step step() {
      return new Step(open, announce, save, remove);
    }
  }
}
