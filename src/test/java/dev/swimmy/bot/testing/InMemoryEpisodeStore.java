package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.discord.AlertCondition;
import dev.swimmy.bot.core.discord.AlertEpisode;
import dev.swimmy.bot.core.discord.AlertEpisodeStore;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert episode store in memory, keeping what {@code SqliteEpisodeStore} keeps ({@code
 * lastSeen} is not kept: a load returns it as {@code since}). One instance shared by two {@code
 * AdminAlerts} stands for one spool file across a restart; {@link #failing} makes every call
 * throw, as a full disk does.
 */
public final class InMemoryEpisodeStore implements AlertEpisodeStore {
  private final Map<AlertCondition.Key, AlertEpisode> saved = new LinkedHashMap<>();
  public volatile boolean failing;

  @Override
  public synchronized List<AlertEpisode> load() throws SpoolUnavailableException {
    check();
    List<AlertEpisode> out = new ArrayList<>();
    saved.values().forEach(e -> out.add(new AlertEpisode(e.condition(), e.since(), e.since(), e.announced())));
    return out;
  }

  @Override
  public synchronized void save(AlertEpisode episode) throws SpoolUnavailableException {
    check();
    saved.put(episode.key(), episode);
  }

  @Override
  public synchronized void remove(AlertCondition.Key key) throws SpoolUnavailableException {
    check();
    saved.remove(key);
  }

  public synchronized List<AlertEpisode> saved() {
    return List.copyOf(saved.values());
  }

  private void check() throws SpoolUnavailableException {
    if (failing) {
      throw new SpoolUnavailableException("disk full (test)", null);
    }
  }
}
