package dev.swimmy.bot.app;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.config.ConfigException;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.edge.systemd.SystemdNotifier;
import dev.swimmy.bot.edge.systemd.SystemdWatchdog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code java -jar swimmy-bot.jar [--config PATH]} runs the daemon; {@code
 * render [--json] [--section NAME]} prints the {@code /status} message and exits.
 */
@Command(
    name = "swimmy-bot",
    mixinStandardHelpOptions = true,
    subcommands = RenderCommand.class,
    description = "Status dashboard and durable notification relay for the Swimmy engine.")
public final class Main implements Callable<Integer> {
  // Not static: a static logger starts Logback when the class loads, before main() can send
  // render's logs to stderr, and its first warning would land on stdout before the JSON.
  private final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
  static final Path DEFAULT_CONFIG = Path.of("config/swimmy-bot.yaml");

  @Option(names = "--config", description = "config file (default: ${DEFAULT-VALUE})")
  Path config = DEFAULT_CONFIG;

  public static void main(String[] args) {
    if (args.length > 0 && "render".equals(args[0])) {
      // render's stdout is the message itself: logs go to stderr, set before any logger exists.
      System.setProperty("swimmy.log.target", "System.err");
    }
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Config cfg;
    try {
      cfg = ConfigLoader.load(config);
    } catch (ConfigException e) {
      log.error("bad configuration in {}: {}", config, e.getMessage());
      return 2;
    }
    Map<String, String> env = System.getenv();
    Daemon daemon = new Daemon(cfg, env, Clock.systemUTC());
    SystemdNotifier systemd = SystemdNotifier.fromEnvironment(env);
    AtomicReference<SystemdWatchdog> watchdog = new AtomicReference<>();
    Thread hook = new Thread(() -> {
      log.info("SIGTERM: stopping");
      Optional.ofNullable(watchdog.get()).ifPresent(SystemdWatchdog::close);
      systemd.stopping();
      daemon.stop();
    }, "swimmy-shutdown");
    try {
      daemon.start();
    } catch (InstanceLock.AlreadyRunningException e) {
      log.error("{}", e.getMessage());
      return 3;
    } catch (Exception e) {
      log.error("could not start: {}", e.toString());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(hook);
    exitCleanlyOnSigterm();
    systemd.ready(daemon.summary());
    SystemdNotifier.watchdogPingInterval(env, ProcessHandle.current().pid()).ifPresent(every -> watchdog.set(
        SystemdWatchdog.start(systemd, every, daemon::pulses, daemon::summary, Clock.systemUTC())));
    log.info("swimmy-bot running (home {})", cfg.home());
    daemon.awaitStop();
    return 0;
  }

  /**
   * SIGTERM is how systemd (and {@code systemctl stop}) asks for a clean stop, so it exits 0
   * after the shutdown hook has stopped the daemon; the JVM's default would exit 143, which
   * systemd counts as a failure. Other signals keep the JVM's handling.
   */
  private static void exitCleanlyOnSigterm() {
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
  }
}
