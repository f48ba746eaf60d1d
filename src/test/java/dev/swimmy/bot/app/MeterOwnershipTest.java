package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.edge.webhook.LaneMetrics;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.PrometheusText;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One owner per meter name, checked on the real daemon's {@code /metrics}: each {@code swimmy_}
 * family there is registered by exactly one of the two meter classes (built alone, each in its own
 * registry), and the latency histogram has the lanes' buckets. Micrometer keeps the first of two
 * registrations of a name silently, so a shared name would show here as a family both classes make.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MeterOwnershipTest {
  @TempDir Path home;

  @Test
  void everySwimmyMeter_hasOneOwner_andTheLatencyHistogramHasTheSendersBuckets() throws Exception {
    Set<String> intake = familiesOf(registry -> new RelayMetrics(registry));
    Set<String> lanes = familiesOf(registry -> new LaneMetrics(registry));
    Set<String> both = new HashSet<>(intake);
    both.retainAll(lanes);

    PrometheusText scraped;
    try (Daemon daemon = startDaemon()) {
      scraped = PrometheusText.scrape("http://127.0.0.1:" + daemon.adminPort() + "/metrics");
    }

    assertThat(both).as("names registered by both RelayMetrics and LaneMetrics").isEmpty();
    Set<String> owned = new HashSet<>(intake);
    owned.addAll(lanes);
    assertThat(scraped.families("swimmy_")).as("every swimmy_ family on the daemon's /metrics has one owner")
        .containsExactlyInAnyOrderElementsOf(owned);
    assertThat(scraped.bucketBounds("swimmy_notifier_delivery_latency_seconds")).containsExactly(
        "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "30.0", "60.0", "120.0", "300.0",
        "600.0", "+Inf");
  }

  private static Set<String> familiesOf(java.util.function.Consumer<PrometheusMeterRegistry> owner) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    owner.accept(registry);
    Set<String> names = PrometheusText.parse(registry.scrape()).families("swimmy_");
    assertThat(names).isNotEmpty();
    return names;
  }

  private Daemon startDaemon() throws Exception {
    Files.createDirectories(home.resolve("data"));
    Path config = Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
        "home: " + home,
        "notifier:",
        "  bind: tcp://127.0.0.1:" + LoopbackPorts.free(),
        "  http-listen: 127.0.0.1:" + LoopbackPorts.free(),
        "admin:",
        "  listen: 127.0.0.1:0",
        ""));
    Daemon daemon = new Daemon(ConfigLoader.load(config, Map.of()), Map.of(), Clock.systemUTC());
    try {
      daemon.start();
    } catch (Exception e) {
      daemon.close();
      throw e;
    }
    return daemon;
  }

}
