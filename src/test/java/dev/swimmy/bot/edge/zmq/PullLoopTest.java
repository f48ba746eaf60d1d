package dev.swimmy.bot.edge.zmq;

import static dev.swimmy.bot.testing.Notifications.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.app.relay.Relay;
import dev.swimmy.bot.core.relay.RejectReason;
import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.RecordingRelayEvents;
import dev.swimmy.bot.testing.RelayHarness;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullLoopTest {
  @TempDir Path dir;
  private final RecordingRelayEvents alerts = new RecordingRelayEvents();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private Relay relay;
  private Pusher pusher;

  private Relay start(int queueMax) throws Exception {
    return start(RelayHarness.config(dir, queueMax));
  }

  private Relay start(dev.swimmy.bot.app.config.Config.Notifier config) throws Exception {
    relay = Relay.open(config, Clock.systemUTC(), alerts, new RelayMetrics(registry), IntakeListener.NONE);
    relay.start();
    pusher = new Pusher(relay.endpoint());
    return relay;
  }

  @AfterEach
  void stop() {
    if (pusher != null) {
      pusher.close();
    }
    if (relay != null) {
      relay.close();
    }
  }

  private SpoolStats stats() {
    try {
      return relay.spool().stats();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyFixtureEnvelope_isQueuedOrRejectedWithItsReason() throws Exception {
    start(100);
    try (Stream<Path> files = Files.list(Fixtures.path("envelopes"))) {
      files.sorted().forEach(f -> pusher.send(read(f)));
    }
    RelayMetrics m = relay.metrics();
    await().atMost(Duration.ofSeconds(20)).until(() -> m.queuedTotal() + m.rejectedTotal() == 11);
    assertThat(m.queuedTotal()).isEqualTo(5);
    for (RejectReason r : new RejectReason[] {RejectReason.BAD_ACTION, RejectReason.BOTH_PAYLOADS,
        RejectReason.FOREIGN_WEBHOOK, RejectReason.MISSING_WEBHOOK, RejectReason.BAD_SCHEMA_VERSION,
        RejectReason.UNPARSEABLE}) {
      assertThat(m.rejected(r)).as(r.label()).isEqualTo(1);
    }
    assertThat(relay.spool().webhooksWithPending()).containsExactlyInAnyOrder("111", "222", "333", "444", "555");
  }

  @Test
  void aBurstOfTenThousand_isAllCommittedWithNoneLost() throws Exception {
    start(20_000);
    for (int i = 0; i < 10_000; i++) {
      pusher.send(envelope("1" + (i % 7), "m-" + i, "burst " + i));
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> relay.metrics().queuedTotal() == 10_000);
    assertThat(stats().pending()).isEqualTo(10_000);
    assertThat(relay.metrics().rejectedTotal()).isZero();
  }

  @Test
  void pastQueueMax_theOldestAreDroppedAndCounted() throws Exception {
    start(100);
    for (int i = 0; i < 150; i++) {
      pusher.send(envelope("1", "m-" + i, "n " + i));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> relay.metrics().queuedTotal() == 150);
    assertThat(stats().pending()).isEqualTo(100);
    assertThat(relay.metrics().intake().drops()).isEqualTo(50);
    assertThat(relay.spool().claim("1", 1).get(0).payloadJson()).isEqualTo("{\"content\":\"n 50\"}");
  }

  @Test
  void dedupe_holdsAcrossARestartOfTheRelay() throws Exception {
    start(100);
    pusher.send(envelope("1", "m-1", "once"));
    await().atMost(Duration.ofSeconds(20)).until(() -> relay.metrics().queuedTotal() == 1);
    stop();

    PrometheusMeterRegistry second = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    relay = Relay.open(RelayHarness.config(dir, 100), Clock.systemUTC(), alerts, new RelayMetrics(second),
        IntakeListener.NONE);
    relay.start();
    pusher = new Pusher(relay.endpoint());
    pusher.send(envelope("1", "m-2", "once"));
    pusher.send(envelope("1", "m-3", "twice"));
    await().atMost(Duration.ofSeconds(20)).until(() -> relay.metrics().queuedTotal() == 1);
    assertThat(second.scrape()).contains("swimmy_notifier_dedupe_suppressed_total 1.0");
    assertThat(stats().pending()).isEqualTo(2);
  }

  @Test
  void garbageMultipartAndOversizedFrames_areRejectedAndTheLoopGoesOn() throws Exception {
    start(RelayHarness.config(dir, "tcp://127.0.0.1:*", 100, 1024));
    Random random = new Random(7);
    for (int i = 0; i < 50; i++) {
      byte[] garbage = new byte[1 + random.nextInt(900)];
      random.nextBytes(garbage);
      pusher.send(garbage);
    }
    pusher.sendMore("((type . \"NOTIFIER\")".getBytes());
    pusher.send("part two".getBytes());
    pusher.send("(" + "x".repeat(2000) + ")");
    pusher.send(envelope("1", "m-1", "still alive"));
    RelayMetrics m = relay.metrics();
    await().atMost(Duration.ofSeconds(20)).until(() -> m.queuedTotal() == 1);
    assertThat(m.rejected(RejectReason.MULTIPART)).isEqualTo(1);
    assertThat(m.rejected(RejectReason.TOO_LARGE)).isEqualTo(1);
    assertThat(m.rejected(RejectReason.UNPARSEABLE)).isEqualTo(50);
  }

  @Test
  void theZmtpLengthAttack_killsJeromqsIoThread_andTheWatchdogRebuildsIntake() throws Exception {
    start(100);
    pusher.send(envelope("1", "m-before", "before"));
    await().atMost(Duration.ofSeconds(20)).until(() -> relay.metrics().queuedTotal() == 1);

    sendZmtpFrameWithLength(relay.endpoint(), 0xFFFFFFFFFFFFFFFFL);

    await().atMost(Duration.ofSeconds(20)).until(() -> relay.metrics().intakeRebuilds() >= 1);
    // The rebuild is counted before the alert is raised, on the loop's thread: wait for both.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(alerts.alerts()).anySatisfy(a -> assertThat(a.key()).isEqualTo("intake-rebuilt")));
    // The engine's PUSH socket, connected before the attack, gets through again: the rebuild
    // reset its connection to the dead I/O thread, so it reconnected. (A message it wrote just
    // before the reset is lost with that connection, so it keeps sending until one arrives.)
    AtomicInteger after = new AtomicInteger();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
      pusher.send(envelope("1", "m-after-" + after.incrementAndGet(), "after"));
      return relay.metrics().queuedTotal() >= 2;
    });
    assertThat(registry.scrape()).contains("swimmy_notifier_intake_rebuilds_total");
  }

  @Test
  void aFullSpool_rejectsFramesAsSpoolUnavailable_andIntakeKeepsRunning() throws Exception {
    RelayMetrics m = new RelayMetrics(registry);
    try (dev.swimmy.bot.edge.spool.SqliteSpool spool = dev.swimmy.bot.edge.spool.SqliteSpool.open(
            dir.resolve("tiny.db"), new dev.swimmy.bot.edge.spool.SqliteSpool.Settings(100_000,
                Duration.ofSeconds(180), Duration.ofMinutes(10), 64 * 1024), Clock.systemUTC(), m::spoolWriteFailed);
        // No heartbeat probe runs here, so the watchdog must not rebuild intake (and lose frames in
        // flight) during a slow start on a loaded machine: its interval is far beyond the test.
        PullLoop loop = new PullLoop(PullLoop.Settings.of("tcp://127.0.0.1:*", Duration.ofHours(1), 256 * 1024),
            new dev.swimmy.bot.core.relay.EnvelopeDecoder(java.util.Map.of(), 256 * 1024, "n"), spool, m, alerts,
            Clock.systemUTC(), IntakeListener.NONE)) {
      pusher = new Pusher(loop.start());
      String big = "y".repeat(4_000);
      for (int i = 0; i < 100; i++) {
        pusher.send(envelope("1", "m-" + i, big + i));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> m.queuedTotal() + m.rejected(RejectReason.SPOOL_UNAVAILABLE) == 100);
      assertThat(m.intakeRebuilds()).isZero();
      assertThat(m.rejected(RejectReason.SPOOL_UNAVAILABLE)).isPositive();
      assertThat(registry.scrape()).contains("swimmy_notifier_spool_available 0.0")
          .doesNotContain("swimmy_notifier_spool_write_failures_total 0.0");
      assertThat(spool.stats().pending()).isEqualTo((int) m.queuedTotal());
      pusher.send("garbage");
      await().atMost(Duration.ofSeconds(30)).until(() -> m.rejected(RejectReason.UNPARSEABLE) == 1);
    }
  }

  /** A ZMTP 3.0 NULL greeting, then a long frame header whose 8-byte length is {@code length}. */
  static void sendZmtpFrameWithLength(String endpoint, long length) throws IOException {
    String hostPort = endpoint.substring("tcp://".length());
    int colon = hostPort.lastIndexOf(':');
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))));
      byte[] greeting = new byte[64];
      greeting[0] = (byte) 0xFF;
      greeting[9] = 0x7F;
      greeting[10] = 3;
      greeting[11] = 0;
      System.arraycopy("NULL".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, greeting, 12, 4);
      byte[] frame = new byte[9 + 64];
      frame[0] = 0x02;
      for (int i = 0; i < 8; i++) {
        frame[1 + i] = (byte) (length >>> (56 - 8 * i));
      }
      OutputStream out = s.getOutputStream();
      out.write(greeting);
      out.write(frame);
      out.flush();
      s.getInputStream().read(new byte[64]);
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
