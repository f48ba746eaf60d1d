package dev.swimmy.bot.app;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.app.config.ConfigException;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.core.render.DiscordJson;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.render.PlainText;
import dev.swimmy.bot.core.render.StatusSection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code render [--json] [--config PATH] [--section NAME]}: prints the {@code /status} message for
 * the current files and exits 0, so an operator (and a test) can check the view without Discord.
 * With {@code --json} stdout is exactly Discord's message body; logs go to stderr. {@code --at
 * INSTANT} renders as of another instant, to reproduce what the panel showed then. It writes
 * nothing: the last good copies the daemon kept are shown, none is made ({@link
 * StatusService#readOnly}).
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Print the /status message for the current status files and exit.")
public final class RenderCommand implements Callable<Integer> {
  private final Clock clock;

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "print Discord's message body (JSON) instead of text")
  boolean json;

  @Option(names = "--config", description = "config file (default: ${DEFAULT-VALUE})")
  Path config = Main.DEFAULT_CONFIG;

  @Option(names = "--section", paramLabel = "NAME",
      description = "overview, pnl, market, warmup, system or backtest (default: ${DEFAULT-VALUE})")
  String section = "overview";

  @Option(names = "--at", paramLabel = "INSTANT",
      description = "render as of this instant, ISO-8601 with an offset: 2026-11-28T12:00:00Z or "
          + "2026-11-27T16:59:00-05:00 (default: now)")
  String at;

  public RenderCommand() {
    this(Clock.systemUTC());
  }

  /** For tests: the clock sets "now" for freshness and the footer's render time. */
  public RenderCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    StatusSection s = StatusSection.parse(section).orElse(null);
    if (s == null) {
      err.println("render: unknown section '" + section
          + "'; use overview, pnl, market, warmup, system or backtest");
      return 2;
    }
    Clock now = clock;
    if (at != null) {
      try {
        now = Clock.fixed(Instant.from(DateTimeFormatter.ISO_DATE_TIME.parse(at.strip())), ZoneOffset.UTC);
      } catch (DateTimeException e) {
        err.println("render: --at must be an ISO-8601 instant with an offset, like "
            + "2026-11-28T12:00:00Z or 2026-11-27T16:59:00-05:00; got '" + at + "'");
        return 2;
      }
    }
    Config cfg;
    try {
      cfg = ConfigLoader.load(config);
    } catch (ConfigException e) {
      err.println("render: " + e.getMessage());
      return 2;
    }
    Message m;
    try (StatusService status = StatusService.readOnly(cfg.status(), now)) {
      m = status.message(s);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? DiscordJson.toJson(m) + "\n" : PlainText.of(m));
    out.flush();
    return 0;
  }
}
