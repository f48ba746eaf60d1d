package dev.swimmy.bot.edge.zmq;

import dev.swimmy.bot.core.health.Pulse;
import dev.swimmy.bot.core.relay.RelayEvents;
import dev.swimmy.bot.core.relay.Alert;
import dev.swimmy.bot.core.relay.Decoded;
import dev.swimmy.bot.core.relay.EnvelopeDecoder;
import dev.swimmy.bot.core.relay.IntakeWatchdog;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.RejectReason;
import dev.swimmy.bot.core.relay.RelayMeters;
import dev.swimmy.bot.core.relay.Spool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The ZeroMQ PULL intake. Thread {@code swimmy-zmq-pull} owns the socket and does only: receive
 * and decode; frames received back to back (up to {@code batchMax}) go as one batch to the {@link
 * SpoolWriter}, whose thread {@code swimmy-spool-writer} commits them (one transaction, one fsync,
 * per batch or per batches that queued meanwhile) while the next frames are decoded. Neither waits
 * on delivery, so a slow Discord never pushes back on the engine.
 *
 * <p>The receive high-water mark and the hand-off queue are small on purpose: a frame received but
 * not committed dies with the process, so a backlog should wait in the engine's PUSH socket, not in
 * our memory. When the writer falls behind, the hand-off blocks this thread (see {@link
 * SpoolWriter}).
 *
 * <p>Self-healing: {@link IntakeProbe} pushes a heartbeat to our own endpoint; any frame received
 * proves the socket's I/O thread alive. When {@link IntakeWatchdog} sees no proof for three
 * intervals (or jeromq reports its I/O thread died), the loop frees the old listener, abandons the
 * old socket and context, binds a new one on the same endpoint, counts it and raises an alert.
 */
public final class PullLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PullLoop.class);
  private static final long REJECT_LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * How intake runs. Frames up to {@code 4 * maxFrameBytes} are read and rejected as too large
   * (counted); beyond that jeromq drops the sender's connection before reading them. The receive
   * high-water mark is 1,000 frames (about 1 MiB of 1 KiB envelopes): at 100, jeromq's I/O thread
   * was woken to refill the pipe every 50 frames and spent three times the CPU per message.
   */
  public record Settings(String bind, int receiveHwm, int batchMax, Duration pollTimeout, Duration heartbeatInterval,
      int maxFrameBytes) {
    public static Settings of(String bind, Duration heartbeatInterval, int maxFrameBytes) {
      return new Settings(bind, 1000, 500, Duration.ofMillis(100), heartbeatInterval, maxFrameBytes);
    }
  }

  private final Settings settings;
  private final EnvelopeDecoder decoder;
  private final SpoolWriter writer;
  private final RelayMeters metrics;
  private final RelayEvents alerts;
  private final Clock clock;
  private final IntakeWatchdog watchdog;
  private final Thread thread;
  private volatile boolean running;
  private volatile boolean ioThreadDied;
  private volatile String endpoint;
  private volatile Instant lastTurn;
  private ZContext context;
  private ZMQ.Socket socket;
  private Instant lastProof;
  private long lastRejectLog;

  public PullLoop(Settings settings, EnvelopeDecoder decoder, Spool spool, RelayMeters metrics, RelayEvents alerts,
      Clock clock, IntakeListener listener) {
    this.settings = settings;
    this.decoder = decoder;
    this.writer = new SpoolWriter(spool, metrics, listener, clock, settings.batchMax());
    this.metrics = metrics;
    this.alerts = alerts;
    this.clock = clock;
    this.watchdog = IntakeWatchdog.of(settings.heartbeatInterval());
    this.thread = new Thread(this::run, "swimmy-zmq-pull");
  }

  /** Binds (so a bad address fails here) and starts the loop; returns the bound endpoint. */
  public synchronized String start() {
    bind(settings.bind());
    endpoint = socket.getLastEndpoint();
    running = true;
    lastTurn = clock.instant();
    writer.start();
    thread.start();
    LOG.info("intake listening on {}", endpoint);
    return endpoint;
  }

  /** The commit side, which the HTTP intake shares (so its requests join the same group commits). */
  public SpoolWriter writer() {
    return writer;
  }

  /** The endpoint actually bound (a {@code *} port resolved). */
  public String endpoint() {
    return endpoint;
  }

  /**
   * The loop turns every poll timeout, so no turn for the heartbeat window (three intervals) means
   * it is wedged; then the spool writer's own pulse. For the systemd watchdog.
   */
  public List<Pulse> pulses() {
    return List.of(
        new Pulse.Turned("PULL loop", lastTurn, watchdog.interval().multipliedBy(watchdog.missedBeats())),
        writer.pulse());
  }

  private void bind(String address) {
    context = new ZContext(1);
    ZContext own = context;
    context.setUncaughtExceptionHandler((t, e) -> {
      if (own == context) {
        ioThreadDied = true;
      }
      LOG.error("jeromq thread {} died: {}", t.getName(), e.toString());
    });
    socket = context.createSocket(SocketType.PULL);
    socket.setLinger(0);
    socket.setRcvHWM(settings.receiveHwm());
    socket.setMaxMsgSize(4L * settings.maxFrameBytes());
    socket.setReceiveTimeOut((int) settings.pollTimeout().toMillis());
    socket.bind(address);
    lastProof = clock.instant();
    ioThreadDied = false;
  }

  private void run() {
    while (running) {
      lastTurn = clock.instant();
      try {
        if (socket == null) {
          retryBind();
        } else {
          receiveBatch();
        }
        if (ioThreadDied || watchdog.needsRebuild(lastProof, clock.instant())) {
          rebuild();
        }
      } catch (RuntimeException e) {
        metrics.intakeError();
        LOG.error("intake loop error (the loop goes on)", e);
      }
    }
    closeSocket();
    writer.finish(TimeUnit.SECONDS.toMillis(10));
  }

  private void receiveBatch() {
    byte[] frame;
    try {
      frame = socket.recv(0);
    } catch (ZMQException e) {
      LOG.warn("intake receive failed: {}", e.getMessage());
      ioThreadDied = true;
      return;
    }
    if (frame == null) {
      return;
    }
    Instant now = clock.instant();
    lastProof = now;
    List<Notification> accepted = new ArrayList<>();
    int frames = 0;
    while (frame != null) {
      handle(frame, now, accepted);
      frame = ++frames < settings.batchMax() ? socket.recv(ZMQ.DONTWAIT) : null;
    }
    writer.handOff(accepted);
    // Frames came in during this step: waiting for the writer must not count as silence.
    lastProof = clock.instant();
  }

  private void handle(byte[] frame, Instant now, List<Notification> accepted) {
    if (socket.hasReceiveMore()) {
      while (socket.hasReceiveMore()) {
        socket.recv(0);
      }
      reject(new Decoded.Rejected(RejectReason.MULTIPART, ""));
      return;
    }
    Decoded decoded = decoder.decode(frame, now);
    if (decoded instanceof Decoded.Accepted a) {
      accepted.add(a.notification());
    } else if (decoded instanceof Decoded.Rejected r) {
      reject(r);
    }
  }

  private void reject(Decoded.Rejected r) {
    metrics.rejected(r.reason(), 1);
    long t = System.nanoTime();
    if (t - lastRejectLog > REJECT_LOG_EVERY_NANOS) {
      lastRejectLog = t;
      LOG.warn("rejected frame ({}): {}", r.reason().label(), r.preview());
    } else {
      LOG.debug("rejected frame ({}): {}", r.reason().label(), r.preview());
    }
  }

  private void rebuild() {
    String why = ioThreadDied ? "jeromq's I/O thread died" : "no heartbeat for " + watchdog.missedBeats() + " intervals";
    LOG.error("intake on {} is dead ({}); rebuilding the PULL socket and its context", endpoint, why);
    metrics.intakeRebuilt();
    alerts.event(new Alert("intake-rebuilt", "Notification intake rebuilt",
        "The PULL socket on " + endpoint + " stopped receiving (" + why + ") and was rebuilt.", clock.instant()));
    abandonSocket();
    retryBind();
  }

  private void retryBind() {
    try {
      bind(endpoint);
      LOG.info("intake listening again on {}", endpoint);
    } catch (ZMQException e) {
      LOG.warn("cannot bind {} yet: {}", endpoint, e.getMessage());
      abandonSocket();
      lastProof = clock.instant();
      LockSupport.parkNanos(settings.pollTimeout().toNanos());
    }
  }

  /** Frees the port at once; the old context is closed on a side thread, as it may never end. */
  private void abandonSocket() {
    if (socket == null) {
      return;
    }
    ZMQ.Socket old = socket;
    ZContext oldContext = context;
    socket = null;
    context = null;
    ListenerRescue.closeListeners(old);
    Thread reaper = new Thread(() -> {
      old.close();
      oldContext.close();
    }, "swimmy-zmq-reaper");
    reaper.setDaemon(true);
    reaper.start();
  }

  private void closeSocket() {
    if (ioThreadDied) {
      abandonSocket();
    } else if (socket != null) {
      socket.close();
      context.close();
      socket = null;
      context = null;
    }
  }

  /** Stops receiving; the batches in hand are committed before this returns. */
  @Override
  public void close() {
    running = false;
    if (thread.isAlive()) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
