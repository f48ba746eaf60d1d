package dev.swimmy.bot.app.config;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.core.status.MarketHours;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The whole configuration, typed and immutable, with every path already resolved against
 * {@link #home()}. {@link ConfigLoader} builds it from {@code config/swimmy-bot.yaml} and the
 * environment; the key names in the comments are the YAML keys of SPEC.md.
 */
public record Config(
    Path home, Discord discord, Status status, Notifier notifier, Admin admin, History history) {

  /** Without a {@code history} section: the defaults beside the spool. */
  public Config(Path home, Discord discord, Status status, Notifier notifier, Admin admin) {
    this(home, discord, status, notifier, admin, History.besideSpool(notifier.spool()));
  }

  /**
   * {@code history.*}: the SQLite file the charts are drawn from ({@code path}, default {@code
   * history.db} beside the spool), how long rows are kept ({@code retention}, default 90d) and
   * the most rows per table ({@code max-rows}; past it the oldest go first).
   */
  public record History(Path path, Duration retention, long maxRows) {
    public static History besideSpool(Path spool) {
      Path dir = spool.toAbsolutePath().getParent();
      return new History(dir.resolve("history.db"), Duration.ofDays(90), 2_000_000);
    }
  }

  /** {@code discord.*}. No token means the bot part is off and the rest runs. */
  public record Discord(
      Optional<Secret> token,
      URI apiBaseUrl,
      OptionalLong guildId,
      OptionalLong panelChannelId,
      Duration panelInterval,
      Optional<WebhookAddress> alertsWebhook,
      OptionalLong alertsChannelId) {}

  /**
   * {@code status.<source>.*} for the three sources, the reader's limits, and {@code
   * status.market-hours}: the calendar the live status is judged by.
   */
  public record Status(
      Source liveStatus,
      Source systemMetrics,
      Source backtestCache,
      long maxFileBytes,
      int maxDepth,
      Path lastGoodDir,
      MarketHours marketHours) {
    /** Without a calendar ({@link MarketHours#always()}). */
    public Status(Source liveStatus, Source systemMetrics, Source backtestCache, long maxFileBytes,
        int maxDepth, Path lastGoodDir) {
      this(liveStatus, systemMetrics, backtestCache, maxFileBytes, maxDepth, lastGoodDir,
          MarketHours.always());
    }
  }

  /**
   * One status file: where it is, the schema it must have, when its data counts as stale, whether
   * the engine must write it ({@code required}), how often a changed file may be read again at
   * most ({@code min-reread-interval}; zero: on every change) and its size cap ({@code
   * maxFileBytes}, 0: {@code status.max-file-bytes}).
   */
  public record Source(Path path, int schemaVersion, Duration staleAfter, boolean required,
      Duration minRereadInterval, long maxFileBytes) {
    /** A required source, re-read on every change, capped at {@code status.max-file-bytes}. */
    public Source(Path path, int schemaVersion, Duration staleAfter) {
      this(path, schemaVersion, staleAfter, true, Duration.ZERO, 0);
    }
  }

  /** {@code notifier.*}: the relay. */
  public record Notifier(
      String bind,
      int queueMax,
      Duration dedupeWindow,
      Path spool,
      Path metricsFile,
      Duration metricsInterval,
      Duration maxAge,
      Duration latencySlo,
      Map<String, WebhookAddress> routes,
      int maxFrameBytes,
      Duration heartbeatInterval,
      Optional<HttpListen> http) {
    public Notifier {
      routes = Map.copyOf(routes);
    }

    /** A relay with no HTTP intake (tests and tools that need ZeroMQ intake only). */
    public Notifier(String bind, int queueMax, Duration dedupeWindow, Path spool, Path metricsFile,
        Duration metricsInterval, Duration maxAge, Duration latencySlo, Map<String, WebhookAddress> routes,
        int maxFrameBytes, Duration heartbeatInterval) {
      this(bind, queueMax, dedupeWindow, spool, metricsFile, metricsInterval, maxAge, latencySlo, routes,
          maxFrameBytes, heartbeatInterval, Optional.empty());
    }
  }

  /**
   * {@code notifier.http-listen} and {@code notifier.http-wait-max}: the webhook-compatible HTTP
   * intake's address (loopback unless configured) and how long a {@code ?wait=true} caller waits.
   */
  public record HttpListen(String host, int port, Duration waitMax) {
    /** The authorities ({@code host:port}) under which the intake's own URLs name a webhook. */
    public java.util.Set<String> authorities() {
      java.util.Set<String> out = new java.util.LinkedHashSet<>();
      String h = host.contains(":") ? "[" + host + "]" : host;
      out.add(h.toLowerCase(java.util.Locale.ROOT) + ":" + port);
      if (isLoopback()) {
        out.add("127.0.0.1:" + port);
        out.add("localhost:" + port);
        out.add("[::1]:" + port);
      }
      return out;
    }

    public boolean isLoopback() {
      return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
  }

  /** {@code admin.listen}: the admin HTTP address, loopback unless configured. */
  public record Admin(String host, int port) {}
}
