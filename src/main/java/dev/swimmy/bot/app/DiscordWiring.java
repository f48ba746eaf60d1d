package dev.swimmy.bot.app;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.core.discord.AlertDestination;
import dev.swimmy.bot.core.discord.AlertEpisodeStore;
import dev.swimmy.bot.core.discord.DeadLetterAdmin;
import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.discord.RelayHealthSource;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.history.Charts;
import dev.swimmy.bot.core.relay.RelayFigures;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.status.BotFigures;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.edge.discord.AdminAlerts;
import dev.swimmy.bot.edge.discord.AlertRoute;
import dev.swimmy.bot.edge.discord.DiscordBot;
import dev.swimmy.bot.edge.discord.JdaDiscordBot;
import dev.swimmy.bot.edge.discord.WebhookAlertSink;
import dev.swimmy.bot.edge.files.PanelIdFile;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the daemon builds the Discord side from the config. In order:
 *
 * <pre>{@code
 * StatusViews views = DiscordWiring.statusViews(statusService);
 * RelayHealthSource health = DiscordWiring.relayHealth(spool, lanes::health, relayMetrics::intake, slo, spoolError);
 * DeadLetterAdmin deadLetters = DeadLetterAdmin.of(spool, lanes::revive);
 * Optional<DiscordBot> bot = DiscordWiring.bot(config, views, relayHealth, deadLetters, clock);
 * AdminAlerts alerts = DiscordWiring.alerts(config, bot, relayHealth, views, relay.episodes(), clock);
 * // give `alerts` to WebhookLanes (RelayAlerts) and intake (core.relay.RelayEvents)
 * bot.ifPresent(DiscordBot::start); alerts.start();
 * ...
 * alerts.close(); bot.ifPresent(DiscordBot::stop);
 * }</pre>
 */
public final class DiscordWiring {
  private static final Logger log = LoggerFactory.getLogger(DiscordWiring.class);
  static final Duration PANEL_CHECK_EVERY = Duration.ofSeconds(5);
  static final Duration ALERT_POLL_EVERY = Duration.ofSeconds(15);

  private DiscordWiring() {}

  /** The bot's view of the status side: rendered sections and each source's state. */
  public static StatusViews statusViews(StatusService status) {
    return new StatusViews() {
      @Override
      public Message status(StatusSection section) {
        return status.message(section);
      }

      @Override
      public Map<String, SourceCondition> sourceStates() {
        Map<String, SourceCondition> states = new LinkedHashMap<>();
        for (SourceReport r : status.board().reports()) {
          states.put(r.source().key(), SourceCondition.of(r));
        }
        return states;
      }
    };
  }

  /**
   * The relay's health as {@code /notifier} and the alerts read it, from its parts: the spool
   * (queue, dead letters, dead webhooks with reasons), the lanes' health (e.g. {@code
   * WebhookLanes::health}), intake's counts (e.g. {@code relayMetrics::intake}) and the last spool
   * write failure while writes are failing. The figures are {@link RelayFigures#of} of the same
   * parts the metrics file is written from.
   */
  public static RelayHealthSource relayHealth(
      Spool spool,
      Supplier<LanesHealth> lanes,
      Supplier<RelayFigures.Intake> intake,
      Duration latencySlo,
      Supplier<Optional<String>> spoolError) {
    return relayHealth(spool, lanes, intake, Map::of, latencySlo, spoolError);
  }

  /** As above, with the notifications queued by each intake ({@code zmq}, {@code http}) since start. */
  public static RelayHealthSource relayHealth(
      Spool spool,
      Supplier<LanesHealth> lanes,
      Supplier<RelayFigures.Intake> intake,
      Supplier<Map<String, Long>> queuedByIntake,
      Duration latencySlo,
      Supplier<Optional<String>> spoolError) {
    return () -> {
      Spool.SpoolStats stats = spool.stats();
      LanesHealth s = lanes.get();
      return RelayHealth.of(RelayFigures.of(s.at(), stats, intake.get(), s), s, stats,
          spool.deadWebhooks(), latencySlo, spoolError.get(), queuedByIntake.get());
    };
  }

  /**
   * The bot's own figures for the System block, from the relay's health and this JVM: queue, dead
   * webhooks, delivery p95, uptime and heap. None (null) while the relay's health cannot be read.
   */
  public static Supplier<BotFigures> botFigures(RelayHealthSource relay, Clock clock) {
    return () -> {
      RelayHealth h;
      try {
        h = relay.snapshot();
      } catch (Exception e) {
        log.warn("the relay's health for the System block could not be read: {}", e.toString());
        return null;
      }
      return new BotFigures(h.queueLength(), h.deadWebhooks().size(), h.latencyP95().orElse(null),
          Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()),
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), clock.instant());
    };
  }

  /**
   * The bot, not yet started; empty when no token is configured, which is logged once: the relay,
   * {@code /panel} and webhook alerts run without it.
   */
  public static Optional<DiscordBot> bot(
      Config config, StatusViews views, RelayHealthSource relay, DeadLetterAdmin deadLetters, Clock clock) {
    return bot(config, views, relay, deadLetters, Charts.none(), clock);
  }

  /** As above, the panel, {@code /status pnl} and {@code /notifier health} carrying {@code charts}. */
  public static Optional<DiscordBot> bot(
      Config config, StatusViews views, RelayHealthSource relay, DeadLetterAdmin deadLetters, Charts charts, Clock clock) {
    Config.Discord d = config.discord();
    if (d.token().isEmpty()) {
      log.info("no Discord bot token: slash commands and the status panel message are off; the relay runs");
      return Optional.empty();
    }
    JdaDiscordBot.Settings settings = new JdaDiscordBot.Settings(
        d.token().get(), d.apiBaseUrl(), d.guildId(), d.panelChannelId(), d.panelInterval(),
        d.alertsChannelId(), new PanelIdFile(config.home().resolve("data/panel_message_id")), PANEL_CHECK_EVERY);
    return Optional.of(new JdaDiscordBot(settings, views, relay, deadLetters, charts, clock));
  }

  /**
   * Admin alerts: the bot's alerts channel while it is connected, else the alerts webhook; open
   * episodes kept in {@code episodes} (the spool file's) so a restart does not repeat them.
   */
  public static AdminAlerts alerts(Config config, Optional<DiscordBot> bot, RelayHealthSource relay, StatusViews views,
      AlertEpisodeStore episodes, Clock clock) {
    List<AlertDestination> route = new ArrayList<>();
    bot.ifPresent(b -> route.add(b.alertsChannel()));
    config.discord().alertsWebhook()
        .ifPresent(w -> route.add(new WebhookAlertSink(config.discord().apiBaseUrl(), w)));
    if (route.isEmpty()) {
      log.warn("no discord.alerts-channel-id or discord.alerts-webhook: admin alerts only go to the log");
    }
    return new AdminAlerts(relay, views, new AlertRoute(route), episodes, clock, ALERT_POLL_EVERY);
  }
}
