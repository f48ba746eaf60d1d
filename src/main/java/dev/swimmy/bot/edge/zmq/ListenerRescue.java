package dev.swimmy.bot.edge.zmq;

import java.lang.reflect.Field;
import java.nio.channels.Channel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * Frees the TCP port of a PULL socket whose I/O thread has died (jeromq 0.6.0, zeromq/jeromq#1005:
 * a frame with length {@code 0xFFFFFFFFFFFFFFFF} throws {@code NegativeArraySizeException} in the
 * I/O thread). The dead thread can no longer close its listener, so the port stays bound and a
 * new socket could never take it over. Closing the channel is not enough: NIO defers closing a
 * channel registered with a selector until that selector next runs, which a dead thread never
 * does, so the listener's poller selector is closed too (the abandoned context is of no use).
 * The connections it had accepted are closed as well, so their peers reconnect to the new socket.
 * This reaches into jeromq internals ({@code SocketBase.endpoints}, {@code TcpListener.fd}) of
 * the pinned version, is best effort and logs when the layout differs.
 */
final class ListenerRescue {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerRescue.class);

  private ListenerRescue() {}

  /** Closes every TCP listener of {@code socket}; returns how many were closed. */
  static int closeListeners(ZMQ.Socket socket) {
    int closed = 0;
    try {
      Object endpoints = field(socket.base(), "endpoints");
      for (Object endpointPipe : (Collection<?>) endpoints.getClass().getMethod("values").invoke(endpoints)) {
        Object own = field(endpointPipe, "endpoint");
        if (own != null && own.getClass().getName().equals("zmq.io.net.tcp.TcpListener")) {
          ServerSocketChannel fd = (ServerSocketChannel) field(own, "fd");
          Selector selector = (Selector) field(field(field(own, "ioObject"), "poller"), "selector");
          if (fd != null && fd.isOpen()) {
            fd.close();
            closed++;
          }
          if (selector != null && selector.isOpen()) {
            closeConnections(selector);
            selector.close();
          }
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | java.io.IOException e) {
      LOG.warn("could not free the listener of a dead PULL socket (jeromq layout changed?): {}", e.toString());
    }
    return closed;
  }

  /**
   * Closes every connection the socket's I/O thread had accepted (the engine's PUSH, the heartbeat
   * probe): a dead thread never reads or closes them, so each peer would keep sending into a TCP
   * connection nobody reads and never reconnect to the rebuilt socket. Closed, they are reset
   * when the selector closes and the peers reconnect.
   */
  private static void closeConnections(Selector selector) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
          closeQuietly(key.channel());
        }
        return;
      } catch (java.util.ConcurrentModificationException | java.nio.channels.ClosedSelectorException e) {
        // a live I/O thread changed its keys meanwhile: take them again
      }
    }
  }

  private static void closeQuietly(Channel channel) {
    try {
      channel.close();
    } catch (java.io.IOException e) {
      LOG.debug("closing a connection of a dead PULL socket: {}", e.toString());
    }
  }

  private static Object field(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(name);
  }
}
