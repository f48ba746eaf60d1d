package dev.swimmy.bot.app;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.relay.Relay;
import dev.swimmy.bot.core.discord.DeadLetterAdmin;
import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.history.Charts;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.Retention;
import dev.swimmy.bot.core.relay.Alert;
import dev.swimmy.bot.edge.chart.JFreeCharts;
import dev.swimmy.bot.edge.history.SqliteHistory;
import dev.swimmy.bot.core.discord.RelayHealthSource;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.health.Pulse;
import dev.swimmy.bot.core.relay.RelayEvents;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.edge.discord.AdminAlerts;
import dev.swimmy.bot.edge.discord.DiscordBot;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.edge.webhook.ExecutorScheduler;
import dev.swimmy.bot.edge.webhook.HttpWebhookSink;
import dev.swimmy.bot.edge.webhook.LaneMetrics;
import dev.swimmy.bot.edge.webhook.LaneSettings;
import dev.swimmy.bot.edge.webhook.WebhookLanes;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import dev.swimmy.bot.core.render.DiscordJson;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.edge.admin.AdminServer;
import dev.swimmy.bot.edge.admin.OperatorPanel;
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
import java.util.HashMap;
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
  private static final Duration PANEL_PAGE_REFRESH = Duration.ofSeconds(30);
  /** How long sends in flight may finish on SIGTERM before they return to pending. */
  private static final Duration SEND_GRACE = Duration.ofSeconds(6);
  /**
   * Stop budgets: {@link Lifecycle} gives each part this long, so a stop takes at most their sum,
   * which must stay well inside the unit's {@code TimeoutStopSec=45s}; {@code
   * DaemonStopBudgetTest} checks the sum against the unit file. A quick part gets {@code
   * STOP_BUDGET} (the HTTP intake among them); intake commits what it received, the bot lets a panel
   * refresh finish (1 s) and waits for JDA (5 s), the lanes give
   * sends in flight {@code SEND_GRACE}, the spool writes the metrics file and checkpoints.
   */
  private static final Duration STOP_BUDGET = Duration.ofSeconds(2);
  private static final Duration INTAKE_STOP = Duration.ofSeconds(5);
  private static final Duration BOT_STOP = Duration.ofSeconds(6);
  private static final Duration LANES_STOP = SEND_GRACE.plus(STOP_BUDGET);
  private static final Duration SPOOL_STOP = Duration.ofSeconds(4);
  /** The status sources are read every 5 s; no full read for 30 s means a read hangs. */
  private static final Duration STATUS_REFRESH_EVERY = Duration.ofSeconds(5);
  private static final Duration STATUS_REFRESH_WINDOW = Duration.ofSeconds(30);

  private final Config config;
  private final Map<String, String> env;
  private final Clock clock;
  private final Lifecycle lifecycle = new Lifecycle();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private AdminServer admin;
  private StatusService status;
  private Relay relay;
  private volatile WebhookLanes lanes;
  private Optional<DiscordBot> bot = Optional.empty();
  private ExecutorScheduler laneTimer;
  private final Optional<Charts> givenCharts;
  private OperatorPanel operatorPanel;
  private SqliteHistory history;
  private volatile Charts charts = Charts.none();

  /** A daemon whose charts are drawn from its own history ({@code history.path}). */
  public Daemon(Config config, Map<String, String> env, Clock clock) {
    this(config, env, clock, Optional.empty());
  }

  /**
   * A daemon whose panel, {@code /status pnl}, {@code /notifier} and {@code /panel} show {@code
   * charts} instead of the ones drawn from its history (which it still records).
   */
  public Daemon(Config config, Map<String, String> env, Clock clock, Charts charts) {
    this(config, env, clock, Optional.of(charts));
  }

  private Daemon(Config config, Map<String, String> env, Clock clock, Optional<Charts> givenCharts) {
    this.config = config;
    this.env = env;
    this.clock = clock;
    this.givenCharts = givenCharts;
  }

  /** Starts every part; throws (having stopped what was started) if one cannot start. */
  public void start() throws Exception {
    Config.Notifier n = config.notifier();
    lifecycle.start("instance lock", n.spool() + ".lock", STOP_BUDGET, () -> {
      InstanceLock lock = InstanceLock.acquire(n.spool());
      return lock::close;
    });
    bindJvmMetrics();
    lifecycle.start("status sources", config.status().liveStatus().path() + ", "
        + config.status().systemMetrics().path() + ", " + config.status().backtestCache().path(),
        STOP_BUDGET, () -> {
          status = StatusService.create(config.status(), clock);
          status.startRefresh(STATUS_REFRESH_EVERY);
          return () -> {
            if (history != null) {
              history.close(); // the status side's memory: stops within the same budget
            }
            status.close();
          };
        });
    startHistory();
    startRelay(n);
    lifecycle.start("admin http", "http://" + config.admin().host() + ":" + config.admin().port()
        + "/panel", STOP_BUDGET, () -> {
          admin = AdminServer.start(config.admin().host(), config.admin().port(), registry,
              readinessChecks(), operatorPanel::html,
              () -> DiscordJson.toJson(status.message(StatusSection.OVERVIEW)), operatorPanel::chart);
          return admin::close;
        });
  }

  /**
   * The relay in the order that loses nothing: the spool opens first (inside {@link Relay#open}),
   * the Discord side and alerts next, then the lanes, and intake binds last. Stopping runs the
   * other way: intake stops, the lanes park their sends, and the spool closes last.
   */
  private void startRelay(Config.Notifier n) throws Exception {
    AtomicReference<WebhookLanes> lanesRef = new AtomicReference<>();
    AtomicReference<AdminAlerts> alertsRef = new AtomicReference<>();
    lifecycle.start("spool", n.spool().toString(), SPOOL_STOP, () -> {
      relay = Relay.open(n, clock, alert -> forward(alertsRef.get(), alert), new RelayMetrics(registry),
          (batch, outcome) -> {
            WebhookLanes lanes = lanesRef.get();
            if (lanes != null && outcome.queued() > 0) {
              lanes.wake();
            }
          }, () -> lanesHealth(lanesRef.get()));
      return relay::close;
    });
    RelayHealthSource health = DiscordWiring.relayHealth(relay.spool(), () -> lanesHealth(lanesRef.get()),
        () -> relay.metrics().intake(), () -> relay.metrics().queuedByIntake(), n.latencySlo(),
        () -> relay.metrics().spoolAvailable() ? Optional.empty()
            : Optional.of("the spool cannot be written (disk full or read-only?)"));
    status.showBotFigures(DiscordWiring.botFigures(health, clock));
    StatusViews views = DiscordWiring.statusViews(status);
    DeadLetterAdmin deadLetters = DeadLetterAdmin.of(relay.spool(), id -> lanesRef.get().revive(id));
    bot = DiscordWiring.bot(config, views, health, deadLetters, charts, clock);
    operatorPanel = new OperatorPanel(() -> status.message(StatusSection.OVERVIEW), charts, health,
        () -> lanesHealth(lanesRef.get()), deadLetters, clock, PANEL_PAGE_REFRESH);
    AdminAlerts alerts = DiscordWiring.alerts(config, bot, health, views, relay.episodes(), clock);
    alertsRef.set(alerts);
    laneTimer = ExecutorScheduler.realTime();
    WebhookLanes lanes = new WebhookLanes(relay.spool(),
        HttpWebhookSink.forDiscord(config.discord().apiBaseUrl()), alerts, new LaneMetrics(registry),
        LaneSettings.defaults(n.maxAge()), clock, laneTimer,
        new SplittableRandom());
    lanesRef.set(lanes);
    this.lanes = lanes;
    lanes.observe(relay.deliveryObserver());
    if (history != null) {
      history.sampleRelay(() -> relayCounters(health, lanes, relay.spool()));
    }
    if (bot.isPresent()) {
      lifecycle.start("discord bot", config.discord().apiBaseUrl().toString(), BOT_STOP, () -> {
        bot.get().start();
        return bot.get()::stop;
      });
    }
    lifecycle.start("admin alerts", alertRoute(), STOP_BUDGET, () -> {
      alerts.start();
      return alerts::close;
    });
    lifecycle.start("webhook lanes", "to " + config.discord().apiBaseUrl() + "/webhooks/{id}/****",
        LANES_STOP, () -> {
          lanes.start();
          return () -> lanes.stop(SEND_GRACE);
        });
    lifecycle.start("intake", n.bind(), INTAKE_STOP, () -> {
      relay.start();
      return relay::stopIntake;
    });
    if (n.http().isPresent()) {
      lifecycle.start("http intake", "http://" + n.http().get().host() + ":" + n.http().get().port()
          + "/api/webhooks/{id}/****", STOP_BUDGET, () -> {
            relay.startHttp();
            return relay::stopHttp;
          });
    }
  }

  /**
   * The history (charts' memory) in its own SQLite file, closed with the status sources (within
   * their stop budget). It is not essential: if the file cannot be opened the daemon runs on, with
   * {@link Charts#none()}.
   */
  private void startHistory() {
    charts = givenCharts.orElse(Charts.none());
    Config.History h = config.history();
    try {
      history = SqliteHistory.open(h.path(), new Retention(h.retention(), h.maxRows()), clock);
    } catch (java.sql.SQLException e) {
      LOG.warn("history off, no charts: cannot open {}: {}", h.path(), e.getMessage());
      return;
    }
    status.onLiveStatus(history::observe);
    charts = givenCharts.orElseGet(() ->
        new JFreeCharts(history, config.status().marketHours(), config.status().liveStatus().staleAfter()));
    LOG.info("started history: {} (kept {}, at most {} rows a table)", h.path(), h.retention(), h.maxRows());
  }

  /** The relay's totals and each lane's own (delivered, failed attempts, p95) for the history. */
  private static RelayMinute.Counters relayCounters(RelayHealthSource health, WebhookLanes lanes, Spool spool) {
    try {
      RelayHealth s = health.snapshot();
      Map<String, Integer> queued = spool.queuedByWebhook();
      Map<String, RelayMinute.Lane> byLane = new HashMap<>();
      lanes.health().byLane().forEach((id, f) -> byLane.put(id, new RelayMinute.Lane(f.delivered(), f.failed(),
          f.p95Ms().isPresent() ? f.p95Ms().getAsLong() : null, queued.getOrDefault(id, 0))));
      queued.forEach((id, q) -> byLane.putIfAbsent(id, new RelayMinute.Lane(0, 0, null, q)));
      return new RelayMinute.Counters(s.takenAt(), s.delivered(), s.errors(), s.queueLength(),
          s.latencyP95().map(Duration::toMillis).orElse(null), byLane);
    } catch (Exception e) {
      throw new IllegalStateException("relay figures unavailable: " + e.getMessage(), e);
    }
  }

  /** The charts drawn from the history ({@link Charts#none()} while it is off). */
  public Charts charts() {
    return charts;
  }

  private LanesHealth lanesHealth(WebhookLanes lanes) {
    return lanes == null ? LanesHealth.idle(clock.instant()) : lanes.health();
  }

  private String alertRoute() {
    Config.Discord d = config.discord();
    String channel = d.alertsChannelId().isPresent() && bot.isPresent()
        ? "channel " + d.alertsChannelId().getAsLong() : null;
    String webhook = d.alertsWebhook().map(WebhookAddress::toString).orElse(null);
    if (channel == null && webhook == null) {
      return "log only";
    }
    return channel == null ? webhook : webhook == null ? channel : channel + ", else " + webhook;
  }

  private static void forward(AdminAlerts alerts, Alert alert) {
    if (alerts != null) {
      alerts.event(alert);
    } else {
      LOG.warn("alert before alerts started: {}: {}", alert.title(), alert.detail());
    }
  }

  private List<ReadinessCheck> readinessChecks() {
    List<ReadinessCheck> checks = new ArrayList<>();
    checks.add(new ReadinessCheck("spool", () -> relay.metrics().spoolAvailable()
        ? Readiness.up(config.notifier().spool().toString())
        : Readiness.down("writes are failing: " + config.notifier().spool())));
    checks.add(new ReadinessCheck("intake", () -> Readiness.up("bound " + relay.endpoint())));
    checks.add(new ReadinessCheck("discord gateway", () -> bot
        .map(b -> b.isConnected() ? Readiness.up("connected") : Readiness.down("not connected"))
        .orElse(Readiness.up("off (no token)"))));
    return checks;
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

  /**
   * The liveness of the parts the systemd watchdog guards, once started: the PULL loop and the
   * spool writer, the lanes' timer, and the status refresh.
   */
  public List<Pulse> pulses() {
    List<Pulse> pulses = new ArrayList<>(relay.pulses());
    pulses.add(laneTimer.pulse(clock.instant()));
    pulses.add(status.pulse(STATUS_REFRESH_WINDOW));
    return pulses;
  }

  /** One line for {@code systemctl status}, from in-memory counters only (never blocks). */
  public String summary() {
    LanesHealth s = lanesHealth(lanes);
    String pending;
    try {
      pending = relay.spool().pendingCount() + " pending";
    } catch (SpoolUnavailableException e) {
      pending = "spool unavailable";
    }
    return "relay: " + pending + ", " + s.delivered() + " delivered, " + s.deadWebhooks().size()
        + " dead webhooks; intake " + relay.endpoint();
  }

  /** The most a {@link #stop()} can take: the stop budgets of the parts started. */
  public Duration stopBudget() {
    return lifecycle.stopBudget();
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
