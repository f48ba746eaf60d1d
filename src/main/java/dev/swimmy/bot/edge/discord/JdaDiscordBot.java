package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.discord.AlertDestination;
import dev.swimmy.bot.core.discord.BotCommands;
import dev.swimmy.bot.core.discord.CommandHandler;
import dev.swimmy.bot.core.discord.DeadLetterAdmin;
import dev.swimmy.bot.core.discord.PanelIdStore;
import dev.swimmy.bot.core.discord.PanelPolicy;
import dev.swimmy.bot.core.discord.RelayHealthSource;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.history.Charts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot over JDA 6. One gateway connection with no privileged intent: GUILDS (always; it gives
 * the channel cache the panel and alerts post through) and GUILD_MESSAGES (so a mention of the bot
 * is answered with the overview, {@link MentionReplies}); slash commands need no intent. No member
 * cache. The REST base URL and the gateway address both come from {@code
 * discord.api-base-url}, so tests point the real JDA at the loopback Discord unchanged.
 *
 * <p>Threads: {@code swimmy-discord-start} (login, command registration; ends),
 * {@code swimmy-panel}, {@code swimmy-command-N} (two, 64 queued at most; beyond that a command
 * is answered "busy"), plus JDA's own. The token is revealed only to JDA and to the gateway
 * lookup's Authorization header.
 */
public final class JdaDiscordBot implements DiscordBot {
  private static final Logger log = LoggerFactory.getLogger(JdaDiscordBot.class);
  static final Duration RETRY_FIRST = Duration.ofSeconds(15);
  static final Duration RETRY_MAX = Duration.ofMinutes(5);
  /** How long a panel refresh in progress may finish on stop (it may be saving the panel id). */
  static final Duration PANEL_STOP_GRACE = Duration.ofSeconds(1);

  /**
   * What the bot needs from the configuration ({@code discord.*}).
   *
   * @param panelIdFile where the panel's message id is kept, e.g. {@code <home>/data/panel_message_id}
   *     ({@code edge.files.PanelIdFile})
   * @param panelCheckEvery how often the panel re-renders to look for changes (edits stay paced by
   *     {@code panelInterval}, except on a state change)
   */
  public record Settings(
      Secret token,
      URI apiBaseUrl,
      OptionalLong guildId,
      OptionalLong panelChannelId,
      Duration panelInterval,
      OptionalLong alertsChannelId,
      PanelIdStore panelIdFile,
      Duration panelCheckEvery) {}

  private final Settings settings;
  private final CommandHandler handler;
  private final StatusViews views;
  private final Clock clock;
  private final Charts charts;
  private volatile JDA jda;
  private volatile PanelPublisher panel;
  private ScheduledExecutorService panelThread;
  private ThreadPoolExecutor commandPool;
  private ScheduledExecutorService timers;
  private Thread starter;

  /** A bot whose views carry no charts. */
  public JdaDiscordBot(Settings settings, StatusViews views, RelayHealthSource relay, DeadLetterAdmin deadLetters, Clock clock) {
    this(settings, views, relay, deadLetters, Charts.none(), clock);
  }

  /**
   * A bot whose {@code /status pnl} and status panel carry today's PnL chart and whose {@code
   * /notifier health} carries the relay's 24 h chart, from {@code charts}; a chart that fails to
   * draw is logged and left out.
   */
  public JdaDiscordBot(Settings settings, StatusViews views, RelayHealthSource relay, DeadLetterAdmin deadLetters,
      Charts charts, Clock clock) {
    this.settings = settings;
    this.views = views;
    this.charts = new LoggedCharts(charts);
    this.handler = new CommandHandler(views, relay, deadLetters, this.charts, clock);
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (starter != null) {
      return;
    }
    commandPool = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64), named("swimmy-command-"));
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> AdminAlerts.daemon(r, "swimmy-command-timer"));
    timer.setRemoveOnCancelPolicy(true);
    timers = timer;
    starter = new Thread(this::connect, "swimmy-discord-start");
    starter.setDaemon(true);
    starter.start();
  }

  /**
   * Blocks until READY and commands are registered, the token was rejected, or the timeout; for
   * tests and the benchmark. The bot is not restartable: after {@link #stop()} build a new one.
   */
  public boolean awaitStarted(Duration timeout) throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = starter;
    }
    if (t == null) {
      return false;
    }
    t.join(timeout.toMillis());
    return !t.isAlive() && isConnected();
  }

  /**
   * Logs in, waits for READY, registers the commands and starts the panel. A rejected token ends
   * the attempt for good (retrying cannot fix it); any other failure (Discord unreachable, 5xx)
   * is retried with a doubling delay up to {@link #RETRY_MAX} until the bot is stopped.
   */
  private void connect() {
    Duration delay = RETRY_FIRST;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        JDA j = build();
        jda = j;
        j.awaitReady();
        registerCommands(j);
        settings.panelChannelId().ifPresent(this::startPanel);
        log.info("Discord bot ready as {}", j.getSelfUser().getName());
        return;
      } catch (InvalidTokenException e) {
        log.error("Discord rejected the bot token: slash commands, the panel and channel alerts are off; the relay keeps running");
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Discord bot could not start ({}); retrying in {} s; the relay keeps running", e.toString(), delay.toSeconds());
        JDA failed = jda;
        if (failed != null) {
          failed.shutdownNow();
          jda = null;
        }
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
        delay = delay.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : delay.multipliedBy(2);
      }
    }
  }

  private JDA build() {
    String base = settings.apiBaseUrl().toString().replaceAll("/+$", "") + "/";
    boolean discord = base.startsWith("https://discord.com/");
    return JDABuilder.createLight(settings.token().reveal(), EnumSet.of(GatewayIntent.GUILD_MESSAGES))
        .setMemberCachePolicy(MemberCachePolicy.NONE)
        .setRestConfig(new RestConfig().setBaseUrl(base))
        .setSessionController(new GatewayLookup(settings.apiBaseUrl(), settings.token()))
        .setCompression(discord ? Compression.ZLIB : Compression.NONE)
        .setEnableShutdownHook(false)
        .addEventListeners(new SlashCommands(handler, commandPool, timers, Duration.ofMillis(2000)),
            new MentionReplies(views, commandPool), new ConnectionLog())
        .build();
  }

  private void registerCommands(JDA j) {
    var data = JdaCommands.of(BotCommands.all());
    if (settings.guildId().isPresent()) {
      Guild g = j.getGuildById(settings.guildId().getAsLong());
      if (g == null) {
        log.error("the bot is not a member of guild {}: slash commands not registered", settings.guildId().getAsLong());
        return;
      }
      g.updateCommands().addCommands(data).complete();
      log.info("slash commands registered in guild {}", g.getIdLong());
    } else {
      j.updateCommands().addCommands(data).complete();
      log.info("slash commands registered globally (may take up to an hour to show)");
    }
  }

  private synchronized void startPanel(long channelId) {
    panel = new PanelPublisher(views, charts, new JdaPanelChannel(() -> jda, channelId),
        new PanelPolicy(settings.panelInterval()), settings.panelIdFile(), clock);
    panelThread = Executors.newSingleThreadScheduledExecutor(r -> AdminAlerts.daemon(r, "swimmy-panel"));
    long every = settings.panelCheckEvery().toMillis();
    panelThread.scheduleWithFixedDelay(panel::tick, 0, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void refreshPanel() {
    if (panelThread != null) {
      panelThread.execute(panel::tick);
    }
  }

  @Override
  public boolean isConnected() {
    JDA j = jda;
    return j != null && j.getStatus() == JDA.Status.CONNECTED;
  }

  @Override
  public AlertDestination alertsChannel() {
    return settings.alertsChannelId().isPresent()
        ? new ChannelAlertSink(() -> jda, settings.alertsChannelId().getAsLong())
        : alert -> false;
  }

  @Override
  public void stop() {
    Thread t;
    ScheduledExecutorService panelToStop;
    synchronized (this) {
      t = starter;
      panelToStop = panelThread;
      if (panelThread != null) {
        // Not shutdownNow: an interrupt while the panel's id is being saved closes the file channel
        // (ClosedByInterruptException), the id is lost and the next start posts a second panel.
        panelThread.shutdown();
      }
      if (commandPool != null) {
        commandPool.shutdown();
        timers.shutdownNow();
      }
    }
    if (t != null) {
      t.interrupt();
    }
    if (panelToStop != null) {
      try {
        if (!panelToStop.awaitTermination(PANEL_STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          panelToStop.shutdownNow();
        }
      } catch (InterruptedException e) {
        panelToStop.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
    JDA j = jda;
    if (j != null) {
      j.shutdown();
      try {
        if (!j.awaitShutdown(Duration.ofSeconds(5))) {
          j.shutdownNow();
        }
      } catch (InterruptedException e) {
        j.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The status panel's publisher, once started; for tests. */
  PanelPublisher panel() {
    return panel;
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> AdminAlerts.daemon(r, prefix + n.incrementAndGet());
  }

  /** Says clearly when the gateway is lost and when it is back; JDA reconnects by itself. */
  private static final class ConnectionLog extends ListenerAdapter {
    @Override
    public void onReady(ReadyEvent event) {
      log.info("Discord gateway READY ({} guilds)", event.getGuildTotalCount());
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
      log.warn("Discord gateway lost (close code {}); JDA is reconnecting, alerts go to the webhook meanwhile",
          event.getCloseCode() == null ? "none" : event.getCloseCode().getCode());
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
      log.info("Discord gateway resumed");
    }
  }
}
