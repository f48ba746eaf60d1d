package dev.swimmy.bot.edge.zmq;

import static dev.swimmy.bot.testing.Notifications.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.app.relay.Relay;
import dev.swimmy.bot.core.health.Liveness;
import dev.swimmy.bot.core.health.Pulse;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.testing.RecordingRelayEvents;
import dev.swimmy.bot.testing.RelayHarness;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intake's pulses, as the systemd watchdog reads them, with the real PULL loop and spool writer
 * on a real SQLite spool: idle, both are alive; while the spool's lock is held (a commit that
 * cannot finish), the writer reports the commit it is stuck in and the PULL loop, blocked handing
 * off batches, stops turning; released, both are alive again.
 */
class IntakeLivenessTest {
  @TempDir Path dir;

  @Test
  void aStuckCommit_wedgesTheWriterAndThenThePullLoop_andBothRecover() throws Exception {
    Relay relay = Relay.open(RelayHarness.config(dir, 1000), Clock.systemUTC(), new RecordingRelayEvents(),
        new RelayMetrics(new SimpleMeterRegistry()), IntakeListener.NONE);
    try (Pusher engine = new Pusher(relay.start())) {
      assertThat(Liveness.check(relay.pulses(), Instant.now()).healthy()).as("idle").isTrue();

      synchronized (relay.spool()) {
        // Separate frames, separate batches: one stuck in commit, two queued, then the PULL loop
        // blocks handing off the next. Bounded: 100 frames at most.
        AtomicInteger sent = new AtomicInteger();
        await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(30)).until(() -> {
          int i = sent.getAndIncrement();
          if (i < 100) {
            engine.send(envelope("1001", "stuck-" + i, "frame " + i));
          }
          return wedged(relay, "PULL loop");
        });
        assertThat(wedged(relay, "PULL loop")).as("PULL loop stopped turning").isTrue();
        Pulse.Busy writer = (Pulse.Busy) relay.pulses().stream()
            .filter(p -> p.part().equals("spool writer")).findFirst().orElseThrow();
        assertThat(writer.since()).as("the writer is inside a commit").isPresent();
        assertThat(Liveness.check(relay.pulses(), writer.since().get().plus(writer.window()).plusSeconds(1)).parts())
            .contains("spool writer");
      }
      await().atMost(Duration.ofSeconds(30))
          .until(() -> Liveness.check(relay.pulses(), Instant.now()).healthy());
    } finally {
      relay.close();
    }
  }

  private static boolean wedged(Relay relay, String part) {
    return Liveness.check(relay.pulses(), Instant.now()).parts().contains(part);
  }
}
