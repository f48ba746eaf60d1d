package dev.swimmy.bot.edge.zmq;

import java.time.Duration;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Creates the jeromq PUSH sockets that connect to intake (our heartbeat probe; the tests' and
 * benchmarks' stand-ins for the engine), with jeromq 0.6.0's connect stall bounded.
 *
 * <p>The stall (zeromq/jeromq#1022, fix not released): when a connect completes, the I/O thread
 * cancels the connecter's selection key and registers the new engine on the same channel in one
 * pass, so now and then (a few percent of fresh connections, more under load) the engine is never
 * registered. The TCP connection is up but the ZMTP handshake never runs; frames wait in the
 * socket until the handshake interval (30 s by default) tears the connection down and it
 * reconnects. For the probe that meant a false "intake rebuilt" alert whenever the stall outlasted
 * three heartbeat intervals. A short handshake interval bounds the stall; queued frames are kept
 * and go out after the reconnect. The engine's own PUSH (libzmq) is not affected.
 */
public final class ConnectingPush {
  /** Long enough for any real handshake on a loaded host, short against the watchdog's window. */
  public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);

  private ConnectingPush() {}

  /** A PUSH socket of {@code context}, not yet connected, whose stalled handshakes are retried. */
  public static ZMQ.Socket create(ZContext context) {
    return create(context, HANDSHAKE_TIMEOUT);
  }

  /** As {@link #create(ZContext)}, retrying a stalled handshake after {@code handshakeTimeout}. */
  public static ZMQ.Socket create(ZContext context, Duration handshakeTimeout) {
    ZMQ.Socket push = context.createSocket(SocketType.PUSH);
    push.setHandshakeIvl((int) Math.max(1, handshakeTimeout.toMillis()));
    return push;
  }
}
