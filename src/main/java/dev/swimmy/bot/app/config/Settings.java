package dev.swimmy.bot.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.WebhookAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code swimmy-bot.yaml} says, key for key, before paths are resolved and the environment
 * is applied: each component is a YAML key in kebab case ({@code queueMax} is {@code queue-max}).
 * {@link #DEFAULTS} is the one place a default is written; {@link SettingsReader} lays the file
 * over it, and the shipped YAML and the README's table are tested against it. A null component is
 * a key with no default, absent unless the file sets it.
 */
record Settings(String home, Discord discord, Status status, Notifier notifier, Admin admin, History history) {

  /** Every default. {@code home: ..} is the config file's folder's parent. */
  static final Settings DEFAULTS = new Settings(
      "..",
      new Discord(
          null, // token
          null, // token-file
          "https://discord.com/api/v10", // api-base-url
          null, // guild-id
          null, // panel-channel-id
          Duration.ofSeconds(60), // panel-interval
          null, // alerts-channel-id
          null), // alerts-webhook
      new Status(
          new Source(".opus/live_status.sexp", 2, Duration.ofSeconds(180), true),
          new Source("data/system_metrics.sexp", 1, Duration.ofSeconds(300), false),
          new BacktestCache("data/backtest_cache.sexp", 1, Duration.ofHours(26), true,
              Duration.ofSeconds(30), // min-reread-interval
              256L * 1024 * 1024), // max-file-bytes
          32L * 1024 * 1024, // max-file-bytes
          64, // max-depth
          "data/last_good", // last-good-dir
          new MarketHours("America/New_York", "SUN 17:00", "FRI 17:00", List.of())),
      new Notifier(
          "tcp://127.0.0.1:5562", // bind
          1000, // queue-max
          Duration.ofSeconds(180), // dedupe-window
          "data/notifier_spool.db", // spool
          "data/notifier_metrics.sexp", // metrics-file
          Duration.ofSeconds(10), // metrics-interval
          Duration.ofMinutes(15), // max-age
          Duration.ofSeconds(60), // latency-slo
          256 * 1024, // max-frame-bytes
          Duration.ofSeconds(5), // heartbeat-interval
          "127.0.0.1:9465", // http-listen
          Duration.ofSeconds(10), // http-wait-max
          Map.of()), // routes
      new Admin("127.0.0.1:9464"), // listen
      new History(
          null, // path: history.db beside notifier.spool
          Duration.ofDays(90), // retention
          2_000_000L)); // max-rows, per table

  /** {@code discord.*}; ids stay text here and are checked when resolved. */
  record Discord(Secret token, String tokenFile, String apiBaseUrl, String guildId,
      String panelChannelId, Duration panelInterval, String alertsChannelId,
      WebhookAddress alertsWebhook) {}

  /** {@code status.*}. */
  record Status(Source liveStatus, Source systemMetrics, BacktestCache backtestCache,
      long maxFileBytes, int maxDepth, String lastGoodDir, MarketHours marketHours) {}

  /** {@code status.live-status.*} and {@code status.system-metrics.*}. */
  record Source(String path, int schemaVersion, Duration staleAfter, boolean required) {}

  /** {@code status.backtest-cache.*}: a source with its own re-read interval and size cap. */
  record BacktestCache(String path, int schemaVersion, Duration staleAfter, boolean required,
      Duration minRereadInterval, long maxFileBytes) {}

  /**
   * {@code status.market-hours}: a weekly session in a zone with closed dates, or the word
   * {@code always} ({@link #ALWAYS}, no calendar). Checked when resolved.
   */
  record MarketHours(String zone, String open, String close,
      @JsonSetter(contentNulls = Nulls.FAIL) List<String> closedDates) {
    static final MarketHours ALWAYS = new MarketHours(null, null, null, List.of());

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    MarketHours {
      closedDates = closedDates == null ? List.of() : List.copyOf(closedDates);
    }

    /** {@code market-hours: always}; any other single word is an error naming the key. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static MarketHours ofWord(String word) {
      if (word != null && word.strip().equalsIgnoreCase("always")) {
        return ALWAYS;
      }
      throw new IllegalArgumentException(
          "must be always or a mapping {zone, open, close, closed-dates}, got "
              + SettingsReader.quote(String.valueOf(word)));
    }
  }

  /** {@code notifier.*}. */
  record Notifier(String bind, int queueMax, Duration dedupeWindow, String spool,
      String metricsFile, Duration metricsInterval, Duration maxAge, Duration latencySlo,
      int maxFrameBytes, Duration heartbeatInterval, String httpListen, Duration httpWaitMax,
      @JsonSetter(contentNulls = Nulls.FAIL) Map<String, WebhookAddress> routes) {
    Notifier {
      routes = routes == null ? Map.of() : Map.copyOf(routes);
    }
  }

  /** {@code admin.*}. */
  record Admin(String listen) {}

  /** {@code history.*}: the charts' SQLite file, how long its rows are kept, and its row cap. */
  record History(String path, Duration retention, long maxRows) {}
}
