package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.util.List;

/**
 * Where open episodes outlive the process, so that a restart neither announces an open episode
 * again nor forgets to announce its recovery. The relay keeps them in its spool file ({@code
 * SqliteEpisodeStore}); tests use an in-memory one. A store that fails costs only that memory:
 * alerts still go out.
 */
public interface AlertEpisodeStore {
  /** The episodes open when the last run saved them; {@code lastSeen} is not kept. */
  List<AlertEpisode> load() throws SpoolUnavailableException;

  /** Keeps {@code episode}, replacing the one with its key. */
  void save(AlertEpisode episode) throws SpoolUnavailableException;

  /** Forgets the episode with {@code key}, if any. */
  void remove(AlertCondition.Key key) throws SpoolUnavailableException;
}
