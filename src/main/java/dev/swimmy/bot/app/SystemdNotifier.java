package dev.swimmy.bot.app;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to systemd through {@code systemd-notify} (the unit sets {@code NotifyAccess=all}): READY
 * once started, STOPPING on SIGTERM, and WATCHDOG pings at half the watchdog interval while the
 * daemon's health check passes. Outside systemd ({@code NOTIFY_SOCKET} unset) it does nothing.
 */
public final class SystemdNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

  private final boolean active;

  private SystemdNotifier(boolean active) {
    this.active = active;
  }

  public static SystemdNotifier fromEnvironment(Map<String, String> env) {
    return new SystemdNotifier(env.containsKey("NOTIFY_SOCKET"));
  }

  /** Half the watchdog interval systemd asked for, if it asked. */
  public static Optional<Duration> watchdogPingInterval(Map<String, String> env) {
    String usec = env.get("WATCHDOG_USEC");
    if (usec == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofNanos(Long.parseLong(usec.strip()) * 1000 / 2));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public void ready() {
    send("--ready", "--status=running");
  }

  public void stopping() {
    send("STOPPING=1");
  }

  public void watchdog() {
    send("WATCHDOG=1");
  }

  private void send(String... args) {
    if (!active) {
      return;
    }
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add("systemd-notify");
    // Naming our PID lets systemd attribute the message even after systemd-notify has exited.
    cmd.add("--pid=" + ProcessHandle.current().pid());
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      LOG.warn("systemd-notify failed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
