package dev.swimmy.bot.edge.spool;

import dev.swimmy.bot.core.discord.AlertCondition;
import dev.swimmy.bot.core.discord.AlertEpisode;
import dev.swimmy.bot.core.discord.AlertEpisodeStore;
import dev.swimmy.bot.core.discord.AlertKind;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open admin alert episodes in the spool's file (table {@code alert_episodes}), written
 * through the spool's own connection and lock: the spool stays the file's single writer. Each
 * change is its own committed transaction (WAL, {@code synchronous=FULL}), so an episode saved as
 * announced stays announced across a crash. A failure (disk full) throws {@link
 * SpoolUnavailableException} and counts as a spool failure, as any other write to the file. A row
 * of a kind this release does not know (written by a newer one) is skipped. Proven by {@code
 * SqliteEpisodeStoreTest} and {@code AlertsAcrossRestartTest}.
 */
public final class SqliteEpisodeStore implements AlertEpisodeStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteEpisodeStore.class);
  private final SqliteSpool spool;

  public SqliteEpisodeStore(SqliteSpool spool) {
    this.spool = spool;
  }

  /** Work on the spool's connection. */
  interface SqlWork<T> {
    T run(Connection db) throws SQLException;
  }

  @Override
  public List<AlertEpisode> load() throws SpoolUnavailableException {
    return spool.onConnection("loadAlertEpisodes", false, db -> {
      List<AlertEpisode> out = new ArrayList<>();
      try (PreparedStatement ps = db.prepareStatement(
              "SELECT kind, subject, detail, since, announced FROM alert_episodes ORDER BY since");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          AlertKind kind = kind(rs.getString(1));
          if (kind != null) {
            Instant since = Instant.ofEpochMilli(rs.getLong(4));
            out.add(new AlertEpisode(new AlertCondition(kind, rs.getString(2), rs.getString(3)), since, since,
                rs.getInt(5) != 0));
          }
        }
      }
      return out;
    });
  }

  @Override
  public void save(AlertEpisode e) throws SpoolUnavailableException {
    spool.onConnection("saveAlertEpisode", true, db -> {
      try (PreparedStatement ps = db.prepareStatement(
          "INSERT OR REPLACE INTO alert_episodes (kind, subject, detail, since, announced) VALUES (?, ?, ?, ?, ?)")) {
        ps.setString(1, e.condition().kind().name());
        ps.setString(2, e.condition().subject());
        ps.setString(3, e.condition().detail());
        ps.setLong(4, e.since().toEpochMilli());
        ps.setInt(5, e.announced() ? 1 : 0);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public void remove(AlertCondition.Key key) throws SpoolUnavailableException {
    spool.onConnection("removeAlertEpisode", true, db -> {
      try (PreparedStatement ps = db.prepareStatement("DELETE FROM alert_episodes WHERE kind = ? AND subject = ?")) {
        ps.setString(1, key.kind().name());
        ps.setString(2, key.subject());
        return ps.executeUpdate();
      }
    });
  }

  private static AlertKind kind(String name) {
    try {
      return AlertKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      LOG.warn("skipping a saved alert episode of unknown kind {}", name);
      return null;
    }
  }
}
