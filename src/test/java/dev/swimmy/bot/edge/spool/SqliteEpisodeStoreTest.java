package dev.swimmy.bot.edge.spool;

import static dev.swimmy.bot.testing.Notifications.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.discord.AlertCondition;
import dev.swimmy.bot.core.discord.AlertEpisode;
import dev.swimmy.bot.core.discord.AlertEpisodes;
import dev.swimmy.bot.core.discord.AlertEvent;
import dev.swimmy.bot.core.discord.AlertKind;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open alert episodes in a real spool file, closed and opened again as a restart does. */
class SqliteEpisodeStoreTest {
  static final Instant T0 = Instant.parse("2026-02-11T03:18:19Z");
  final AlertCondition dead = new AlertCondition(AlertKind.DEAD_WEBHOOK, "600", "HTTP 404 Unknown Webhook");
  final AlertCondition parse = new AlertCondition(AlertKind.SOURCE_BROKEN, "live-status", "PARSE_ERROR: 3:14 unbalanced");

  @TempDir Path dir;
  final List<SqliteSpool> opened = new ArrayList<>();

  SqliteSpool open(long maxBytes) throws SpoolUnavailableException {
    SqliteSpool spool = SqliteSpool.open(dir.resolve("spool.db"),
        new SqliteSpool.Settings(1_000_000, Duration.ofMinutes(3), Duration.ofMinutes(10), maxBytes),
        Clock.fixed(T0, ZoneOffset.UTC), () -> {});
    opened.add(spool);
    return spool;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteSpool::close);
  }

  /** Applies a step to the store as AdminAlerts does: removals, then saves. */
  static void apply(SqliteEpisodeStore store, AlertEpisodes.Step step) throws SpoolUnavailableException {
    for (AlertCondition.Key k : step.remove()) {
      store.remove(k);
    }
    for (AlertEpisode e : step.save()) {
      store.save(e);
    }
  }

  @Test
  void anEpisodeOpenBeforeARestart_isNotAnnouncedAgain_andItsRecoveryIsAnnouncedOnce() throws Exception {
    SqliteSpool first = open(0);
    SqliteEpisodeStore store = new SqliteEpisodeStore(first);
    AlertEpisodes.Step raised = AlertEpisodes.observe(Map.of(), Set.of(dead, parse), T0);
    apply(store, raised);
    assertThat(raised.announce()).containsExactly(new AlertEvent.Raised(dead, T0));
    first.close();

    Instant restart = T0.plusSeconds(600);
    SqliteEpisodeStore reopened = new SqliteEpisodeStore(open(0));
    var open = AlertEpisodes.restored(reopened.load(), restart);
    assertThat(open.values()).extracting(AlertEpisode::condition).containsExactlyInAnyOrder(dead, parse);
    AlertEpisodes.Step stillDead = AlertEpisodes.observe(open, Set.of(dead, parse), restart);
    apply(reopened, stillDead);
    assertThat(stillDead.announce()).as("the source's grace counts from before the restart")
        .containsExactly(new AlertEvent.Raised(parse, T0));

    AlertEpisodes.Step back = AlertEpisodes.observe(stillDead.open(), Set.of(), restart.plusSeconds(30));
    apply(reopened, back);
    assertThat(back.announce()).containsExactlyInAnyOrder(
        new AlertEvent.Recovered(dead, T0, restart.plusSeconds(30)),
        new AlertEvent.Recovered(parse, T0, restart.plusSeconds(30)));
    AlertEpisodes.Step after = AlertEpisodes.observe(back.open(), Set.of(), restart.plusSeconds(60));
    assertThat(after.announce()).isEmpty();
    assertThat(reopened.load()).isEmpty();
  }

  @Test
  void anEpisode_keepsItsDetailTimeAndAnnouncement_acrossAClose() throws Exception {
    SqliteSpool first = open(0);
    new SqliteEpisodeStore(first).save(new AlertEpisode(parse, T0, T0.plusSeconds(5), false));
    new SqliteEpisodeStore(first).save(new AlertEpisode(parse, T0, T0.plusSeconds(9), true));
    first.close();

    assertThat(new SqliteEpisodeStore(open(0)).load()).containsExactly(new AlertEpisode(parse, T0, T0, true));
  }

  @Test
  void aRowOfAKindThisReleaseDoesNotKnow_isSkipped() throws Exception {
    SqliteSpool spool = open(0);
    new SqliteEpisodeStore(spool).save(new AlertEpisode(dead, T0, T0, true));
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"));
        Statement st = db.createStatement()) {
      st.execute("INSERT INTO alert_episodes VALUES ('SOURCE_FROM_THE_FUTURE', 'x', 'd', 0, 1)");
    }
    assertThat(new SqliteEpisodeStore(spool).load()).extracting(AlertEpisode::condition).containsExactly(dead);
  }

  @Test
  void aFullDisk_failsTheSaveAsASpoolFailure_andKeepsWhatWasSaved() throws Exception {
    SqliteSpool spool = open(64 * 1024);
    SqliteEpisodeStore store = new SqliteEpisodeStore(spool);
    store.save(new AlertEpisode(dead, T0, T0, true));
    String big = "x".repeat(4000);
    boolean full = false;
    for (int i = 0; i < 200 && !full; i++) {
      try {
        spool.commit(List.of(to("1", big + i, T0)), T0);
      } catch (SpoolUnavailableException e) {
        full = true;
      }
    }
    assertThat(full).isTrue();
    AlertCondition large = new AlertCondition(AlertKind.RELAY, "budget", big.repeat(4));
    assertThatThrownBy(() -> store.save(new AlertEpisode(large, T0, T0, true)))
        .isInstanceOf(SpoolUnavailableException.class);
    assertThat(store.load()).extracting(AlertEpisode::condition).containsExactly(dead);
    assertThat(spool.available()).as("a read is no proof the file is writable again").isFalse();
  }
}
