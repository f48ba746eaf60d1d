package dev.swimmy.bot.edge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.edge.spool.SqliteSpool;
import dev.swimmy.bot.testing.Fault;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.RecordingAlerts;
import dev.swimmy.bot.testing.MutableClock;
import dev.swimmy.bot.testing.SmallTmpfs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real lanes on a really full disk: the SQLite spool on a small tmpfs that a filler file fills
 * to ENOSPC, real lanes, real HTTP to the loopback fake Discord. Discord comes back while the disk
 * is full, so every send succeeds and every "delivered" write fails with {@code SQLITE_FULL}. The
 * old lane sent the same message again on every retry (a storm); now the write is retried, not the
 * send, and no message is sent more than twice (twice only across a restart).
 */
class FullDiskLanesTest {
  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final int MESSAGES = 6;

  private final AtomicInteger spoolFailures = new AtomicInteger();
  /** Moved by the test only, with the lanes' {@link ManualScheduler}: the write backoff (up to 30 s) takes no real time. */
  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-04T00:00:00Z"));
  private ManualScheduler scheduler;
  private SmallTmpfs fs;
  private FakeDiscord discord;
  private FakeWebhook fake;
  private WebhookAddress hook;
  private SqliteSpool spool;
  private WebhookLanes lanes;

  @BeforeEach
  void mountASmallDisk() throws Exception {
    fs = SmallTmpfs.mount(512);
    discord = new FakeDiscord(clock).hangLimit(Duration.ofSeconds(5)).start();
    fake = discord.webhook("4200", "tok-4200");
    hook = new WebhookAddress("4200", new Secret("tok-4200"));
    spool = openSpool();
  }

  @AfterEach
  void unmount() throws Exception {
    try {
      if (lanes != null) {
        lanes.stop(Duration.ofMillis(200));
      }
      if (spool != null) {
        spool.close();
      }
      if (discord != null) {
        discord.close();
      }
    } finally {
      if (fs != null) {
        fs.close();
      }
    }
  }

  @Test
  void aFullDiskWithDiscordAnswering_sendsEachMessageOnce_andRecordsItOnceSpaceIsFreed() throws Exception {
    List<String> sent = queueWhileDiscordIsDown();
    fillTheDisk();
    fake.faults().clear(); // Discord answers 2xx again; the spool cannot record it
    scheduler.runUntil(lanes, () -> !fake.received().isEmpty());
    int failuresWhenSent = spoolFailures.get();
    // 20 s of engine time with the disk full: the old lane resent its request every second.
    scheduler.advanceTo(lanes, clock.instant().plusSeconds(20));
    assertThat(spoolFailures.get()).as("the lane kept retrying the write").isGreaterThan(failuresWhenSent + 1);
    assertThat(receivedCounts()).allSatisfy((content, n) -> assertThat(n).as(content).isLessThanOrEqualTo(2));
    assertThatThrownBy(() -> spool.commit(List.of(note("while full")), clock.instant()))
        .as("intake is refused while the disk is full").isInstanceOf(SpoolUnavailableException.class);

    fs.free();
    scheduler.runUntil(lanes, this::allDelivered);
    assertThat(states()).containsOnlyKeys(sent);
    int requests = fake.requests().size();
    scheduler.advanceTo(lanes, clock.instant().plusSeconds(10));
    assertThat(fake.requests()).hasSize(requests);
    assertThat(receivedCounts()).containsOnlyKeys(sent).allSatisfy((content, n) -> assertThat(n).as(content).isOne());
  }

  @Test
  void aStopWhileTheDiskIsFull_resendsAnUnrecordedMessageOnceAfterTheRestart_neverMore() throws Exception {
    List<String> sent = queueWhileDiscordIsDown();
    fillTheDisk();
    fake.faults().clear();
    scheduler.runUntil(lanes, () -> !fake.received().isEmpty());
    scheduler.advanceTo(lanes, clock.instant().plusSeconds(10));
    lanes.stop(Duration.ofMillis(500)); // neither the outcome nor the release can be written
    lanes = null;
    spool.close();
    fs.free();

    spool = openSpool(); // what was in flight is pending again
    startLanes();
    scheduler.runUntil(lanes, this::allDelivered);
    int requests = fake.requests().size();
    scheduler.advanceTo(lanes, clock.instant().plusSeconds(10));
    assertThat(fake.requests()).hasSize(requests);
    assertThat(states()).containsOnlyKeys(sent);
    // The message whose "delivered" was never written is sent once more; every other exactly once.
    Map<String, Integer> expected = new TreeMap<>();
    sent.forEach(c -> expected.put(c, 1));
    expected.put("m0", 2);
    assertThat(receivedCounts()).isEqualTo(expected);
  }

  /** Queues the messages and lets the lane claim them while Discord answers 503. */
  private List<String> queueWhileDiscordIsDown() throws Exception {
    fake.faults().always(Fault.SERVICE_UNAVAILABLE);
    List<String> contents = new ArrayList<>();
    List<Notification> batch = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      contents.add("m" + i);
      batch.add(note("m" + i));
    }
    spool.commit(batch, clock.instant());
    startLanes();
    await().atMost(BOUND).until(() -> spool.stats().inFlight() == MESSAGES && !fake.requests().isEmpty());
    return contents;
  }

  /** Fills the file system until a spool write fails with SQLITE_FULL. */
  private void fillTheDisk() throws Exception {
    long filler = fs.fill();
    assertThat(filler).isPositive();
    int before = spoolFailures.get();
    assertThatThrownBy(() -> spool.commit(List.of(note("probe")), clock.instant()))
        .isInstanceOf(SpoolUnavailableException.class).hasMessageContaining("full");
    assertThat(spoolFailures.get()).isEqualTo(before + 1);
  }

  private SqliteSpool openSpool() throws SpoolUnavailableException {
    return SqliteSpool.open(spoolFile(), SqliteSpool.Settings.of(1_000, Duration.ofMinutes(3)), clock,
        spoolFailures::incrementAndGet);
  }

  private void startLanes() {
    HttpWebhookSink sink = new HttpWebhookSink(URI.create(discord.apiBaseUrl()), Duration.ofSeconds(2),
        Duration.ofSeconds(5));
    LaneSettings settings = LaneSettings.defaults(Duration.ofHours(1))
        .withPollInterval(Duration.ofMillis(200));
    lanes = new WebhookLanes(spool, sink, new RecordingAlerts(), new LaneMetrics(new SimpleMeterRegistry()),
        settings, clock, scheduler = new ManualScheduler(clock), new SplittableRandom(42));
    lanes.start();
    scheduler.runDue();
  }

  private Notification note(String content) {
    return new Notification(hook, LaneRig.text(content), Optional.empty(), Optional.empty(), clock.instant());
  }

  private Path spoolFile() {
    return fs.dir().resolve("spool.db");
  }

  /** How many times the fake accepted each message content. */
  private Map<String, Integer> receivedCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    fake.received().forEach(j -> counts.merge(j.path("content").asText(), 1, Integer::sum));
    return counts;
  }

  private boolean allDelivered() {
    try {
      return states().values().stream().allMatch("delivered"::equals);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Each queued message's state, read from the SQLite file itself. */
  private Map<String, String> states() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + spoolFile());
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT payload, state FROM messages WHERE webhook_id = '4200' ORDER BY id")) {
      while (rs.next()) {
        out.put(rs.getString(1).replaceAll(".*\"content\":\"([^\"]*)\".*", "$1"), rs.getString(2));
      }
    }
    return out;
  }
}
