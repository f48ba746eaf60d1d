package dev.swimmy.bot.app;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.core.render.DiscordJson;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.edge.admin.AdminServer;
import dev.swimmy.bot.edge.admin.PanelPage;
import dev.swimmy.bot.edge.admin.AdminServer.Readiness;
import dev.swimmy.bot.edge.admin.AdminServer.ReadinessCheck;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon: builds every part from the config in order, runs until SIGTERM (or {@link #stop()}),
 * then stops them in reverse. The order matters for "nothing lost": the spool opens before intake
 * binds, and on stop intake closes before the lanes park their sends and the spool closes last.
 */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  private static final Duration STOP_BUDGET = Duration.ofSeconds(10);
  private static final Duration PANEL_PAGE_REFRESH = Duration.ofSeconds(30);

  private final Config config;
  private final Map<String, String> env;
  private final Clock clock;
  private final Lifecycle lifecycle = new Lifecycle();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<ReadinessCheck> readiness = new ArrayList<>();
  private AdminServer admin;
  private StatusService status;

  public Daemon(Config config, Map<String, String> env, Clock clock) {
    this.config = config;
    this.env = env;
    this.clock = clock;
  }

  /** Starts every part; throws (having stopped what was started) if one cannot start. */
  public void start() throws Exception {
    lifecycle.start("instance lock", config.notifier().spool() + ".lock", STOP_BUDGET, () -> {
      InstanceLock lock = InstanceLock.acquire(config.notifier().spool());
      return lock::close;
    });
    bindJvmMetrics();
    status = StatusService.create(config.status(), clock);
    LOG.info("status sources: {}, {}, {}", config.status().liveStatus().path(),
        config.status().systemMetrics().path(), config.status().backtestCache().path());
    lifecycle.start("admin http", "http://" + config.admin().host() + ":" + config.admin().port()
        + "/panel", STOP_BUDGET, () -> {
          admin = AdminServer.start(config.admin().host(), config.admin().port(), registry,
              readiness,
              () -> PanelPage.render(status.message(StatusSection.OVERVIEW), clock.instant(),
                  PANEL_PAGE_REFRESH),
              () -> DiscordJson.toJson(status.message(StatusSection.OVERVIEW)));
          return admin::close;
        });
    readiness.add(new ReadinessCheck("daemon", () -> Readiness.up("started")));
    if (config.discord().token().isEmpty()) {
      LOG.info("no Discord token: slash commands and the panel message are off;"
          + " the relay and the /panel page run");
    }
  }

  private void bindJvmMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  /** The admin server's port (useful when the config asked for port 0). */
  public int adminPort() {
    return admin.port();
  }

  /** Blocks until {@link #stop()} has run. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops every part in reverse order within bounded time. Safe to call twice. */
  public void stop() {
    lifecycle.close();
    registry.close();
    stopped.countDown();
  }

  @Override
  public void close() {
    stop();
  }
}
