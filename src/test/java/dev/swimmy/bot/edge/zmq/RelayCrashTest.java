package dev.swimmy.bot.edge.zmq;

import static dev.swimmy.bot.testing.Notifications.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.core.relay.SpooledMessage;
import dev.swimmy.bot.edge.spool.SqliteSpool;
import dev.swimmy.bot.testing.RelayChild;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a relay JVM with SIGKILL in the middle of a burst and checks what the spool kept. */
class RelayCrashTest {
  private static final int BURST = 20_000;

  @TempDir Path dir;

  @Test
  void everyMessageCommittedBeforeASigkill_isStillPendingAfterRestart() throws Exception {
    AtomicLong committed = new AtomicLong();
    AtomicReference<String> endpoint = new AtomicReference<>();
    Process child = startChild(committed, endpoint);
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> endpoint.get() != null);
      Thread pushing = new Thread(() -> {
        try (Pusher pusher = new Pusher(endpoint.get())) {
          for (int i = 0; i < BURST && child.isAlive(); i++) {
            pusher.send(envelope("1", "m-" + i, "crash " + i));
          }
        }
      }, "test-pusher");
      pushing.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> committed.get() >= 500);
      child.destroyForcibly().waitFor();
      long acknowledged = committed.get();
      pushing.join(30_000);

      try (SqliteSpool spool = SqliteSpool.open(dir.resolve("notifier_spool.db"),
          SqliteSpool.Settings.of(1_000_000, Duration.ofSeconds(180)), Clock.systemUTC(), () -> {})) {
        assertThat(spool.stats().pending()).isGreaterThanOrEqualTo((int) acknowledged);
        List<SpooledMessage> kept = spool.claim("1", BURST);
        Set<String> payloads = new HashSet<>();
        kept.forEach(m -> payloads.add(m.payloadJson()));
        for (int i = 0; i < acknowledged; i++) {
          assertThat(payloads).as("message %d was committed before the kill", i)
              .contains("{\"content\":\"crash " + i + "\"}");
        }
      }
    } finally {
      child.destroyForcibly();
    }
  }

  private Process startChild(AtomicLong committed, AtomicReference<String> endpoint) throws IOException {
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            RelayChild.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("READY ")) {
            endpoint.set(line.substring(6));
          } else if (line.startsWith("COMMITTED ")) {
            committed.set(Long.parseLong(line.substring(10)));
          }
        }
      } catch (IOException e) {
        // The child was killed: its output ends here.
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
    return child;
  }
}
