package dev.swimmy.bot.edge.systemd;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's notify protocol (sd_notify(3)) spoken by this process itself: each state is one
 * datagram to the {@code AF_UNIX} socket named in {@code NOTIFY_SOCKET} (a path, or {@code @name}
 * in the abstract namespace), sent through junixsocket since JDK 17 has no Unix datagram channel.
 * Sending from our own PID lets the unit keep {@code NotifyAccess=main}; a spawned {@code
 * systemd-notify} races systemd's attribution of the sender. Outside systemd ({@code
 * NOTIFY_SOCKET} unset) every call does nothing. A failed send is logged and never thrown.
 */
public final class SystemdNotifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
  private static final SystemdNotifier OFF = new SystemdNotifier(null, null);

  private final AFUNIXDatagramChannel channel;
  private final SocketAddress address;

  private SystemdNotifier(AFUNIXDatagramChannel channel, SocketAddress address) {
    this.channel = channel;
    this.address = address;
  }

  /** A notifier for {@code NOTIFY_SOCKET}, or one that does nothing when it is unset or unusable. */
  public static SystemdNotifier fromEnvironment(Map<String, String> env) {
    String socket = env.get("NOTIFY_SOCKET");
    if (socket == null || socket.isEmpty()) {
      return OFF;
    }
    try {
      return new SystemdNotifier(AFUNIXDatagramChannel.open(), address(socket));
    } catch (IOException | RuntimeException e) {
      LOG.warn("NOTIFY_SOCKET {} cannot be used, systemd will not hear from us: {}", socket, e.toString());
      return OFF;
    }
  }

  private static SocketAddress address(String socket) throws IOException {
    if (socket.startsWith("@")) {
      return AFUNIXSocketAddress.inAbstractNamespace(socket.substring(1));
    }
    if (!socket.startsWith("/")) {
      throw new IOException("only a path or an @abstract name is supported");
    }
    return AFUNIXSocketAddress.of(Path.of(socket));
  }

  /**
   * How often to ping the watchdog: half of {@code WATCHDOG_USEC}, as sd_watchdog_enabled(3)
   * advises; empty when systemd asked for no watchdog, or asked it of another process ({@code
   * WATCHDOG_PID}).
   */
  public static Optional<Duration> watchdogPingInterval(Map<String, String> env, long ownPid) {
    String usec = env.get("WATCHDOG_USEC");
    String pid = env.get("WATCHDOG_PID");
    try {
      if (usec == null || (pid != null && Long.parseLong(pid.strip()) != ownPid)) {
        return Optional.empty();
      }
      long micros = Long.parseLong(usec.strip());
      return micros <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(micros * 1000 / 2));
    } catch (NumberFormatException e) {
      LOG.warn("ignoring WATCHDOG_USEC={} / WATCHDOG_PID={}: not numbers", usec, pid);
      return Optional.empty();
    }
  }

  /** True when there is a socket to talk to. */
  public boolean active() {
    return channel != null;
  }

  /** Every part has started. */
  public void ready(String status) {
    send("READY=1\nSTATUS=" + oneLine(status));
  }

  /** The one-line summary {@code systemctl status} shows. */
  public void status(String status) {
    send("STATUS=" + oneLine(status));
  }

  /** The parts are alive: systemd's watchdog timer starts again. */
  public void watchdog(String status) {
    send("WATCHDOG=1\nSTATUS=" + oneLine(status));
  }

  /** Stopping began (SIGTERM). */
  public void stopping() {
    send("STOPPING=1\nSTATUS=stopping");
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\\r\\n]+", " ");
  }

  private void send(String state) {
    if (channel == null) {
      return;
    }
    try {
      channel.send(ByteBuffer.wrap(state.getBytes(StandardCharsets.UTF_8)), address);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not notify systemd ({}): {}", state.lines().findFirst().orElse(""), e.toString());
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("closing the notify socket: {}", e.toString());
      }
    }
  }
}
