package dev.swimmy.bot.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
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
  public Integer call() {
    System.err.println("swimmy-bot: the daemon is not wired yet");
    return 1;
  }
}
