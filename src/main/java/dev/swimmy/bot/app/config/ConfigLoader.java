package dev.swimmy.bot.app.config;

import static dev.swimmy.bot.app.config.SettingsReader.quote;

import dev.swimmy.bot.app.config.Config.Admin;
import dev.swimmy.bot.app.config.Config.Discord;
import dev.swimmy.bot.app.config.Config.HttpListen;
import dev.swimmy.bot.app.config.Config.Notifier;
import dev.swimmy.bot.app.config.Config.Source;
import dev.swimmy.bot.app.config.Config.Status;
import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.status.MarketHours;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code swimmy-bot.yaml} and the environment into a {@link Config}. {@link SettingsReader}
 * binds the file onto {@link Settings} (defaults in {@link Settings#DEFAULTS}); this class resolves
 * relative paths against {@code home} ({@code home} itself, when relative, against the config
 * file's folder), checks the values that are text (addresses, ids, the calendar) and applies the
 * environment, which wins over the file: {@code SWIMMY_HOME}, {@code SWIMMY_NOTIFIER_QUEUE_MAX},
 * {@code SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC}, {@code SWIMMY_PORT_NOTIFIER}, {@code
 * SWIMMY_DISCORD_BOT_TOKEN}, and {@code $CREDENTIALS_DIRECTORY/discord-token} (systemd's {@code
 * LoadCredential=}) when no other token is given. Every problem is a {@link ConfigException}
 * naming the key or variable, thrown at start.
 */
public final class ConfigLoader {
  private static final Pattern BIND = Pattern.compile("tcp://([^:/]+|\\[[0-9a-fA-F:]+\\]):(\\d{1,5})");
  private static final Pattern LISTEN = Pattern.compile("([^:]+|\\[[0-9a-fA-F:]+\\]):(\\d{1,5})");
  private static final Pattern SESSION_TIME =
      Pattern.compile("(?i)(MON|TUE|WED|THU|FRI|SAT|SUN)\\s+(\\d{1,2}):(\\d{2})");

  private final Map<String, String> env;

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /** Loads the file with the process environment. */
  public static Config load(Path file) {
    return load(file, System.getenv());
  }

  public static Config load(Path file, Map<String, String> env) {
    Settings s = SettingsReader.read(file);
    return new ConfigLoader(env).resolve(s, file.toAbsolutePath().getParent());
  }

  private Config resolve(Settings s, Path configFolder) {
    Path home = home(s.home(), configFolder);
    Notifier notifier = notifier(s.notifier(), home);
    return new Config(home, discord(s.discord(), home), status(s.status(), home),
        notifier, admin(s.admin()), history(s.history(), home, notifier));
  }

  private Path home(String fromFile, Path configFolder) {
    String fromEnv = env.get("SWIMMY_HOME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return path("SWIMMY_HOME", Path.of(""), fromEnv).toAbsolutePath().normalize();
    }
    return path("home", configFolder, fromFile);
  }

  private Discord discord(Settings.Discord d, Path home) {
    return new Discord(token(d, home), apiBase(d.apiBaseUrl()),
        snowflake("discord.guild-id", d.guildId()),
        snowflake("discord.panel-channel-id", d.panelChannelId()), d.panelInterval(),
        Optional.ofNullable(d.alertsWebhook()),
        snowflake("discord.alerts-channel-id", d.alertsChannelId()));
  }

  private Optional<Secret> token(Settings.Discord d, Path home) {
    String fromEnv = env.get("SWIMMY_DISCORD_BOT_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(new Secret(fromEnv.strip()));
    }
    if (d.token() != null) {
      return Optional.of(d.token());
    }
    if (d.tokenFile() != null) {
      return Optional.of(readToken("discord.token-file", path("discord.token-file", home, d.tokenFile())));
    }
    String credentials = env.get("CREDENTIALS_DIRECTORY");
    if (credentials != null && Files.isReadable(Path.of(credentials, "discord-token"))) {
      return Optional.of(readToken("$CREDENTIALS_DIRECTORY/discord-token", Path.of(credentials, "discord-token")));
    }
    return Optional.empty();
  }

  private static Secret readToken(String key, Path path) {
    try {
      String token = Files.readString(path, StandardCharsets.UTF_8).strip();
      if (token.isEmpty()) {
        throw new ConfigException(key, "the token file " + path + " is empty");
      }
      return new Secret(token);
    } catch (IOException e) {
      throw new ConfigException(key, "cannot read the token file " + path);
    }
  }

  private static URI apiBase(String text) {
    String trimmed = text.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new ConfigException("discord.api-base-url", "must be an http(s) URL, got " + quote(text));
  }

  private static OptionalLong snowflake(String key, String text) {
    if (text == null || text.isBlank()) {
      return OptionalLong.empty();
    }
    if (!text.strip().matches("\\d{1,20}")) {
      throw new ConfigException(key, "must be a Discord id (digits), got " + quote(text));
    }
    try {
      return OptionalLong.of(Long.parseUnsignedLong(text.strip()));
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a Discord id (digits), got " + quote(text));
    }
  }

  private static Status status(Settings.Status s, Path home) {
    Settings.Source live = s.liveStatus();
    Settings.Source metrics = s.systemMetrics();
    Settings.BacktestCache backtest = s.backtestCache();
    return new Status(
        new Source(path("status.live-status.path", home, live.path()), live.schemaVersion(),
            live.staleAfter(), live.required(), Duration.ZERO, 0),
        new Source(path("status.system-metrics.path", home, metrics.path()), metrics.schemaVersion(),
            metrics.staleAfter(), metrics.required(), Duration.ZERO, 0),
        new Source(path("status.backtest-cache.path", home, backtest.path()), backtest.schemaVersion(),
            backtest.staleAfter(), backtest.required(), backtest.minRereadInterval(), backtest.maxFileBytes()),
        s.maxFileBytes(), s.maxDepth(), path("status.last-good-dir", home, s.lastGoodDir()),
        marketHours(s.marketHours()));
  }

  /** {@code status.market-hours}: {@code always}, or a weekly session in a zone with closed dates. */
  private static MarketHours marketHours(Settings.MarketHours m) {
    if (m.equals(Settings.MarketHours.ALWAYS)) {
      return MarketHours.always();
    }
    String key = "status.market-hours";
    ZoneId zone;
    try {
      zone = ZoneId.of(m.zone().strip());
    } catch (DateTimeException e) {
      throw new ConfigException(key + ".zone", "must be a time zone like America/New_York, got " + quote(m.zone()));
    }
    Matcher open = sessionTime(key + ".open", m.open());
    Matcher close = sessionTime(key + ".close", m.close());
    Set<LocalDate> closed = new TreeSet<>();
    for (String d : m.closedDates()) {
      try {
        closed.add(LocalDate.parse(d.strip()));
      } catch (DateTimeException e) {
        throw new ConfigException(key + ".closed-dates", "must be dates like 2026-12-25, got " + quote(d));
      }
    }
    try {
      return MarketHours.weekly(zone, day(open), time(key + ".open", open), day(close),
          time(key + ".close", close), closed);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  private static Matcher sessionTime(String key, String text) {
    Matcher m = SESSION_TIME.matcher(text.strip());
    if (!m.matches()) {
      throw new ConfigException(key, "must be a weekday and a time like \"SUN 17:00\", got " + quote(text));
    }
    return m;
  }

  private static DayOfWeek day(Matcher m) {
    String d = m.group(1).toUpperCase(Locale.ROOT);
    for (DayOfWeek w : DayOfWeek.values()) {
      if (w.name().startsWith(d)) {
        return w;
      }
    }
    throw new IllegalStateException("the pattern only matches weekdays");
  }

  private static LocalTime time(String key, Matcher m) {
    int h = Integer.parseInt(m.group(2));
    int min = Integer.parseInt(m.group(3));
    if (h > 23 || min > 59) {
      throw new ConfigException(key, "must be a time between 00:00 and 23:59, got " + quote(m.group()));
    }
    return LocalTime.of(h, min);
  }

  private Notifier notifier(Settings.Notifier n, Path home) {
    // The file's values are bound (and checked) even where the environment overrides them.
    int queueMax = (int) envCount("SWIMMY_NOTIFIER_QUEUE_MAX", Integer.MAX_VALUE).orElse(n.queueMax());
    OptionalLong dedupeSec = envCount("SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC", Integer.MAX_VALUE);
    Duration dedupe = dedupeSec.isPresent() ? Duration.ofSeconds(dedupeSec.getAsLong()) : n.dedupeWindow();
    return new Notifier(bind(n.bind()), queueMax, dedupe,
        path("notifier.spool", home, n.spool()),
        path("notifier.metrics-file", home, n.metricsFile()),
        n.metricsInterval(), n.maxAge(), n.latencySlo(), n.routes(), n.maxFrameBytes(),
        n.heartbeatInterval(), Optional.of(httpListen(n.httpListen(), n.httpWaitMax())));
  }

  private String bind(String bind) {
    Matcher m = BIND.matcher(bind);
    int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    if (port < 1 || port > 65535) {
      throw new ConfigException("notifier.bind", "must look like tcp://127.0.0.1:5562, got " + quote(bind));
    }
    OptionalLong fromEnv = envCount("SWIMMY_PORT_NOTIFIER", 65535);
    return "tcp://" + m.group(1) + ":" + fromEnv.orElse(port);
  }

  private static HttpListen httpListen(String listen, Duration waitMax) {
    Matcher m = listen("notifier.http-listen", listen, "127.0.0.1:9465");
    return new HttpListen(host(m), Integer.parseInt(m.group(2)), waitMax);
  }

  private static Admin admin(Settings.Admin a) {
    Matcher m = listen("admin.listen", a.listen(), "127.0.0.1:9464");
    return new Admin(host(m), Integer.parseInt(m.group(2)));
  }

  /** {@code history.*}; without a path, {@code history.db} beside the spool. */
  private static Config.History history(Settings.History h, Path home, Notifier notifier) {
    Path file = h.path() == null ? Config.History.besideSpool(notifier.spool()).path()
        : path("history.path", home, h.path());
    return new Config.History(file, h.retention(), h.maxRows());
  }

  /** {@code host:port}; port 0 asks for any free port. */
  private static Matcher listen(String key, String text, String example) {
    Matcher m = LISTEN.matcher(text);
    if (!m.matches() || Integer.parseInt(m.group(2)) > 65535) {
      throw new ConfigException(key, "must look like " + example + ", got " + quote(text));
    }
    return m;
  }

  private static String host(Matcher m) {
    return m.group(1).replaceAll("^\\[|\\]$", "");
  }

  private static Path path(String key, Path base, String text) {
    try {
      return base.resolve(text).normalize();
    } catch (InvalidPathException e) {
      throw new ConfigException(key, "is not a valid path: " + e.getReason());
    }
  }

  /** A variable holding a whole number from 1 to {@code max}; empty when unset or blank. */
  private OptionalLong envCount(String name, long max) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n > 0 && n <= max) {
        return OptionalLong.of(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(name, "must be a whole number from 1 to " + max + ", got " + quote(v));
  }
}
