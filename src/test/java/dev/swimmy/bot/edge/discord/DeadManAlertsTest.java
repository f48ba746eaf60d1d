package dev.swimmy.bot.edge.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.app.DiscordWiring;
import dev.swimmy.bot.app.StatusService;
import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.core.discord.AlertKind;
import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.discord.RelayHealthSource;
import dev.swimmy.bot.edge.spool.SqliteEpisodeStore;
import dev.swimmy.bot.edge.spool.SqliteSpool;
import dev.swimmy.bot.testing.EngineLiveStatus;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dead-man alerts end to end but for time: the real config loader (default FX calendar, 180 s
 * stale-after), the real status files and {@link StatusService}, the admin alerts as {@link
 * DiscordWiring#alerts} builds them (no bot, so the alerts webhook), the episodes in a real SQLite
 * spool file, and the loopback fake Discord receiving the webhook posts. The clock is a test clock
 * moved by hand; each poll is run on the test thread. System metrics are never written (optional by
 * default) and the backtest cache is made optional and left unwritten, so only the live status can
 * alert.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeadManAlertsTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Duration WAIT = Duration.ofSeconds(20);
  static final Duration GRACE = AlertKind.SOURCE_DEAD.grace();

  @TempDir Path home;
  FakeDiscord fake;
  FakeWebhook alertsHook;
  final MutableClock clock = new MutableClock(ny("2026-11-25T10:00:00"));
  Config config;

  static Instant ny(String local) {
    return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
  }

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDiscord().start();
    alertsHook = fake.webhook("900000000000000001", "alerts-token");
    Path file = home.resolve("swimmy-bot.yaml");
    Files.writeString(file, "home: " + home + "\n"
        + "discord:\n"
        + "  api-base-url: " + fake.apiBaseUrl() + "\n"
        + "  alerts-webhook: " + alertsHook.discordUrl() + "\n"
        + "status:\n"
        + "  backtest-cache:\n"
        + "    required: false\n");
    config = ConfigLoader.load(file, Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    fake.close();
  }

  @Test
  void liveStatusStaleOnAWeekday_sendsOneAlertOnTheAlertsWebhook_namingTheSourceAndItsLastTime() throws Exception {
    Instant written = ny("2026-11-25T10:00:00");
    liveStatusWrittenAt(written);
    try (Run run = new Run()) {
      run.pollAt(written.plusSeconds(60));
      run.pollAt(written.plusSeconds(181)); // stale: the episode opens, within its grace
      assertThat(alertsHook.received()).isEmpty();

      run.pollAt(written.plusSeconds(181).plus(GRACE));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 1);
      run.pollAt(written.plusSeconds(600));
      run.pollAt(written.plusSeconds(3600));
      assertThat(alertsHook.received()).hasSize(1);
    }
    String alert = alertsHook.received().get(0).toString();
    assertThat(alert).contains("Status source silent").contains("live-status").contains("STALE")
        .contains(written.toString()).contains("<t:" + written.getEpochSecond() + ":R>")
        .doesNotContain("alerts-token");
    assertNothingAbout("system-metrics", "backtest-cache");
  }

  @Test
  void liveStatusWrittenFridayBeforeTheClose_sendsNothingAllWeekend_andOneAlertIfTicksDoNotResumeAtTheOpen()
      throws Exception {
    Instant written = ny("2026-11-27T16:59:00");
    liveStatusWrittenAt(written);
    try (Run run = new Run()) {
      for (String at : List.of("2026-11-27T17:30:00", "2026-11-28T00:00:00", "2026-11-28T12:00:00",
          "2026-11-28T12:05:00", "2026-11-29T09:00:00", "2026-11-29T17:02:00")) {
        run.pollAt(ny(at));
      }
      assertThat(alertsHook.received()).as("over the weekend").isEmpty();

      Instant open = ny("2026-11-29T17:00:00");
      run.pollAt(open.plusSeconds(181));
      run.pollAt(open.plusSeconds(181).plus(GRACE));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 1);
      assertThat(alertsHook.received().get(0).toString()).contains("live-status").contains(written.toString());
    }
  }

  /**
   * The choice for a market that closes during an episode: the episode stays open silently (no
   * "recovered" while nothing was written), goes on at the reopen without a second alert, and ends
   * with one recovery when the engine writes again.
   */
  @Test
  void anAlertOpenAtTheClose_staysOpenSilentlyOverTheWeekend_andRecoversOnceWhenWritten() throws Exception {
    Instant written = ny("2026-11-27T15:00:00");
    liveStatusWrittenAt(written);
    try (Run run = new Run()) {
      run.pollAt(written.plusSeconds(200));
      run.pollAt(written.plusSeconds(200).plus(GRACE));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 1);

      for (String at : List.of("2026-11-27T17:01:00", "2026-11-27T18:00:00", "2026-11-28T12:00:00",
          "2026-11-29T16:59:00", "2026-11-29T17:10:00", "2026-11-29T18:00:00")) {
        run.pollAt(ny(at));
      }
      assertThat(alertsHook.received()).as("over the weekend and at the reopen").hasSize(1);

      Instant again = ny("2026-11-29T18:30:00");
      run.tickAt(again);
      run.tickAt(again.plus(AlertKind.SOURCE_DEAD.quiet()));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 2);
      run.tickAt(again.plusSeconds(60).plus(AlertKind.SOURCE_DEAD.quiet()));
    }
    assertThat(alertsHook.received()).hasSize(2);
    assertThat(alertsHook.received().get(1).toString()).contains("Recovered").contains("live-status");
  }

  @Test
  void theEnginesWritingAgain_sendsOneRecovery() throws Exception {
    Instant written = ny("2026-11-25T10:00:00");
    liveStatusWrittenAt(written);
    try (Run run = new Run()) {
      run.pollAt(written.plusSeconds(200));
      run.pollAt(written.plusSeconds(200).plus(GRACE));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 1);

      Instant again = written.plusSeconds(900);
      run.tickAt(again);
      run.tickAt(again.plus(AlertKind.SOURCE_DEAD.quiet()));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 2);
      run.tickAt(again.plusSeconds(60).plus(AlertKind.SOURCE_DEAD.quiet()));
      run.tickAt(again.plusSeconds(120).plus(AlertKind.SOURCE_DEAD.quiet()));
    }
    assertThat(alertsHook.received()).hasSize(2);
    assertThat(alertsHook.received().get(1).toString()).contains("Recovered").contains("live-status");
  }

  @Test
  void aRestartWhileStale_doesNotAnnounceAgain_andItsRecoveryStillFollows() throws Exception {
    Instant written = ny("2026-11-25T10:00:00");
    liveStatusWrittenAt(written);
    try (Run first = new Run()) {
      first.pollAt(written.plusSeconds(200));
      first.pollAt(written.plusSeconds(200).plus(GRACE));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 1);
    }
    try (Run second = new Run()) {
      second.pollAt(written.plusSeconds(600));
      second.pollAt(written.plusSeconds(900));
      assertThat(alertsHook.received()).as("after the restart").hasSize(1);

      Instant again = written.plusSeconds(1200);
      second.tickAt(again);
      second.tickAt(again.plus(AlertKind.SOURCE_DEAD.quiet()));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 2);
    }
    assertThat(alertsHook.received().get(1).toString()).contains("Recovered").contains("live-status");
  }

  @Test
  void aBotStartedWhileTheSourceIsAlreadyStale_alertsOnce() throws Exception {
    Instant written = ny("2026-11-25T08:00:00");
    liveStatusWrittenAt(written);
    Instant startedAt = ny("2026-11-25T10:00:00");
    try (Run run = new Run()) {
      run.pollAt(startedAt);
      run.pollAt(startedAt.plus(GRACE));
      await().atMost(WAIT).until(() -> alertsHook.received().size() == 1);
      run.pollAt(startedAt.plusSeconds(600));
      run.pollAt(startedAt.plusSeconds(6000));
    }
    assertThat(alertsHook.received()).hasSize(1);
    assertThat(alertsHook.received().get(0).toString()).contains("live-status").contains(written.toString());
  }

  @Test
  void anOptionalSourceMissing_neverAlerts() throws Exception {
    Instant start = ny("2026-11-25T10:00:00");
    try (Run run = new Run()) {
      for (int minutes = 0; minutes <= 120; minutes += 10) {
        run.tickAt(start.plus(Duration.ofMinutes(minutes)));
      }
      assertThat(run.status.board().reports()).anySatisfy(r -> {
        assertThat(r.source().key()).isEqualTo("system-metrics");
        assertThat(r.state().name()).isEqualTo("NOT_WRITTEN");
      });
    }
    assertThat(alertsHook.received()).isEmpty();
  }

  private void assertNothingAbout(String... sources) {
    for (JsonNode m : alertsHook.received()) {
      for (String s : sources) {
        assertThat(m.toString()).doesNotContain(s);
      }
    }
  }

  /** The engine's live status written at {@code t}, its mtime set to {@code t} too. */
  private void liveStatusWrittenAt(Instant t) throws Exception {
    Path p = home.resolve(".opus/live_status.sexp");
    Files.createDirectories(p.getParent());
    Path tmp = p.resolveSibling("live_status.sexp.tmp");
    Files.writeString(tmp, EngineLiveStatus.writtenAt(t), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(tmp, FileTime.from(t));
    Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** One run of the daemon's alert side on the test's spool file and status files. */
  final class Run implements AutoCloseable {
    final SqliteSpool spool;
    final StatusService status;
    final AdminAlerts alerts;

    Run() throws Exception {
      spool = SqliteSpool.open(home.resolve("data/spool.db"),
          SqliteSpool.Settings.of(1_000, Duration.ofMinutes(10)), clock, () -> {});
      status = StatusService.create(config.status(), clock);
      RelayHealthSource healthy = () -> new RelayHealth(clock.instant(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
          Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0,
          List.of(), Map.of(), Optional.empty());
      alerts = DiscordWiring.alerts(config, Optional.empty(), healthy, DiscordWiring.statusViews(status),
          new SqliteEpisodeStore(spool), clock);
    }

    void pollAt(Instant t) {
      clock.set(t);
      alerts.poll();
    }

    /** The engine writes the live status at {@code t}; the alerts poll a few seconds later. */
    void tickAt(Instant t) throws Exception {
      liveStatusWrittenAt(t);
      pollAt(t.plusSeconds(5));
    }

    @Override
    public void close() {
      alerts.close();
      status.close();
      spool.close();
    }
  }
}
