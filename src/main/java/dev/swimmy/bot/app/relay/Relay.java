package dev.swimmy.bot.app.relay;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.core.discord.AlertEpisodeStore;
import dev.swimmy.bot.core.health.Pulse;
import dev.swimmy.bot.core.relay.RelayEvents;
import dev.swimmy.bot.core.relay.EnvelopeDecoder;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.edge.files.RelayFiguresFile;
import dev.swimmy.bot.edge.http.HttpIntake;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.edge.spool.SqliteEpisodeStore;
import dev.swimmy.bot.edge.spool.SqliteSpool;
import dev.swimmy.bot.edge.webhook.WebhookLanes;
import dev.swimmy.bot.edge.zmq.IntakeListener;
import dev.swimmy.bot.edge.zmq.IntakeProbe;
import dev.swimmy.bot.edge.zmq.PullLoop;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's intake side as the daemon sees it: {@link #open} opens the spool and builds the
 * parts; {@link #start} binds {@code notifier.bind} and starts the PULL loop, its heartbeat probe
 * and the metrics file writer; {@link #close} stops receiving, commits what was received, closes
 * the socket, writes the metrics file a last time and closes the spool. The lanes take {@link
 * #spool()} and {@link #metrics()}. {@link #startHttp} adds the webhook-compatible HTTP intake,
 * which shares the spool writer (and so the group commits) of the PULL loop.
 */
public final class Relay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
  private final SqliteSpool spool;
  private final RelayMetrics metrics;
  private final PullLoop pull;
  private final RelayFiguresFile metricsFile;
  private final Config.Notifier config;
  private final String nonce;
  private final Optional<HttpIntake> http;
  private IntakeProbe probe;

  private Relay(Config.Notifier config, SqliteSpool spool, RelayMetrics metrics, PullLoop pull,
      RelayFiguresFile metricsFile, String nonce, Optional<HttpIntake> http) {
    this.http = http;
    this.config = config;
    this.spool = spool;
    this.metrics = metrics;
    this.pull = pull;
    this.metricsFile = metricsFile;
    this.nonce = nonce;
  }

  public static Relay open(Config.Notifier config, Clock clock, RelayEvents alerts, MeterRegistry registry)
      throws SpoolUnavailableException {
    return open(config, clock, alerts, new RelayMetrics(registry), IntakeListener.NONE);
  }

  /** As {@link #open(Config.Notifier, Clock, RelayEvents, MeterRegistry)}, with a commit listener. */
  public static Relay open(Config.Notifier config, Clock clock, RelayEvents alerts, RelayMetrics metrics,
      IntakeListener listener) throws SpoolUnavailableException {
    return open(config, clock, alerts, metrics, listener, () -> LanesHealth.idle(clock.instant()));
  }

  /** As above, with the lanes' health for the metrics file (the lanes start after the spool opens). */
  public static Relay open(Config.Notifier config, Clock clock, RelayEvents alerts, RelayMetrics metrics,
      IntakeListener listener, Supplier<LanesHealth> lanes) throws SpoolUnavailableException {
    SqliteSpool spool = SqliteSpool.open(config.spool(),
        new SqliteSpool.Settings(config.queueMax(), config.dedupeWindow(), Duration.ofMinutes(10), 0),
        clock, metrics::spoolWriteFailed);
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String nonce = HexFormat.of().formatHex(random);
    EnvelopeDecoder decoder = new EnvelopeDecoder(config.routes(),
        config.http().map(Config.HttpListen::authorities).orElse(Set.of()), config.maxFrameBytes(), nonce);
    PullLoop pull = new PullLoop(
        PullLoop.Settings.of(config.bind(), config.heartbeatInterval(), config.maxFrameBytes()),
        decoder, spool, metrics, alerts, clock, listener);
    Optional<HttpIntake> http = config.http().map(h -> new HttpIntake(
        new HttpIntake.Settings(h.host(), h.port(), h.waitMax(), config.queueMax(), HttpIntake.MAX_BODY_BYTES),
        pull.writer(), spool, metrics, clock));
    return new Relay(config, spool, metrics, pull, new RelayFiguresFile(config.metricsFile(), spool, metrics, lanes, clock),
        nonce, http);
  }

  /** Binds and starts intake; returns the bound endpoint. */
  public synchronized String start() {
    String endpoint = pull.start();
    probe = IntakeProbe.start(endpoint, nonce, config.heartbeatInterval());
    metricsFile.start(config.metricsInterval());
    return endpoint;
  }

  /**
   * Starts the webhook-compatible HTTP intake ({@code notifier.http-listen}) after {@link #start}
   * (it commits through the ZeroMQ intake's spool writer); returns its {@code host:port}, or empty
   * when the config has none. A non-loopback address is logged as a warning.
   */
  public synchronized Optional<String> startHttp() throws IOException {
    if (http.isEmpty()) {
      return Optional.empty();
    }
    Config.HttpListen listen = config.http().orElseThrow();
    if (!listen.isLoopback()) {
      LOG.warn("http intake listens on {}, not loopback: anyone who can reach it can post to the webhooks "
          + "whose URLs they know", listen.host());
    }
    return Optional.of(http.get().start());
  }

  /** Stops the HTTP intake (requests being answered get a second); before {@link #stopIntake}. */
  public synchronized void stopHttp() {
    http.ifPresent(HttpIntake::close);
  }

  /** Where the lanes report Discord's final answers, for {@code ?wait=true} callers. */
  public WebhookLanes.DeliveryObserver deliveryObserver() {
    return http.<WebhookLanes.DeliveryObserver>map(h -> h::answered).orElse((ids, status, body) -> {});
  }

  public Spool spool() {
    return spool;
  }

  public RelayMetrics metrics() {
    return metrics;
  }

  /** The admin alerts' open episodes, kept in the spool's file. */
  public AlertEpisodeStore episodes() {
    return new SqliteEpisodeStore(spool);
  }

  public String endpoint() {
    return pull.endpoint();
  }

  /** Intake's liveness (the PULL loop and the spool writer), once started. */
  public List<Pulse> pulses() {
    return pull.pulses();
  }

  /**
   * Stops taking frames: the PULL socket closes after committing what it received, and the probe
   * stops. The spool stays open so the lanes can park their in-flight sends. Idempotent.
   */
  public synchronized void stopIntake() {
    stopHttp();
    pull.close();
    if (probe != null) {
      probe.close();
      probe = null;
    }
  }

  /** Stops intake if still running, writes the metrics file a last time and closes the spool. */
  @Override
  public synchronized void close() {
    stopIntake();
    metricsFile.close();
    spool.close();
  }
}
