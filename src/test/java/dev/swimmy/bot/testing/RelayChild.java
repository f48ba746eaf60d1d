package dev.swimmy.bot.testing;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.relay.LoggingRelayEvents;
import dev.swimmy.bot.app.relay.Relay;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * A relay in its own JVM, for crash tests: {@code RelayChild DIR BIND [HTTP_PORT]}. It prints
 * {@code READY <endpoint>} once bound (after the HTTP intake, when a port is given, which has no
 * lanes behind it: nothing is delivered) and {@code COMMITTED <total>} after every commit (printed
 * only once the spool's COMMIT has returned), then runs until killed.
 */
public final class RelayChild {
  private RelayChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String bind = args.length > 1 ? args[1] : "tcp://127.0.0.1:*";
    long[] total = {0};
    Config.Notifier config = args.length > 2
        ? RelayHarness.withHttp(RelayHarness.config(dir, bind, 1_000_000, 256 * 1024), Integer.parseInt(args[2]))
        : RelayHarness.config(dir, bind, 1_000_000, 256 * 1024);
    Relay relay = Relay.open(config, Clock.systemUTC(),
        new LoggingRelayEvents(), new RelayMetrics(new SimpleMeterRegistry()),
        (batch, outcome) -> {
          total[0] += outcome.queued();
          System.out.println("COMMITTED " + total[0]);
          System.out.flush();
        });
    String endpoint = relay.start();
    relay.startHttp();
    System.out.println("READY " + endpoint);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
