package dev.swimmy.bot.edge.zmq;

import dev.swimmy.bot.core.relay.EnvelopeDecoder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Pushes a heartbeat frame to the relay's own PULL endpoint every interval, from the thread
 * {@code swimmy-zmq-heartbeat}, which alone owns its PUSH socket and context (separate from the
 * PULL side's, so rebuilding intake does not touch it; ZeroMQ reconnects it to the new socket).
 * Sends never block: with the peer dead the frame is simply not sent, which is the signal.
 */
public final class IntakeProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeProbe.class);

  private final String endpoint;
  private final String nonce;
  private final Duration handshakeTimeout;
  private final ScheduledExecutorService thread;
  private ZContext context;
  private ZMQ.Socket push;
  private long sequence;

  private IntakeProbe(String endpoint, String nonce, Duration interval) {
    this.endpoint = endpoint;
    this.nonce = nonce;
    // A stalled connect (jeromq#1022) is dropped and retried within one interval, well inside
    // the watchdog's window of three, so it does not pass for a dead intake.
    this.handshakeTimeout =
        interval.compareTo(ConnectingPush.HANDSHAKE_TIMEOUT) < 0 ? interval : ConnectingPush.HANDSHAKE_TIMEOUT;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "swimmy-zmq-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts pushing heartbeats to {@code endpoint}. */
  public static IntakeProbe start(String endpoint, String nonce, Duration interval) {
    IntakeProbe probe = new IntakeProbe(endpoint, nonce, interval);
    probe.thread.scheduleAtFixedRate(probe::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return probe;
  }

  private void beat() {
    try {
      if (push == null) {
        context = new ZContext(1);
        push = ConnectingPush.create(context, handshakeTimeout);
        push.setLinger(0);
        push.setSndHWM(4);
        push.setReconnectIVL(100);
        push.connect(endpoint);
      }
      push.send(EnvelopeDecoder.heartbeatFrame(nonce, ++sequence), ZMQ.DONTWAIT);
    } catch (RuntimeException e) {
      LOG.warn("heartbeat not sent: {}", e.toString());
    }
  }

  @Override
  public void close() {
    thread.execute(() -> {
      if (context != null) {
        context.close();
      }
    });
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
