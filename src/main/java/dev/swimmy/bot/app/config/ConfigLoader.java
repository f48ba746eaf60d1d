package dev.swimmy.bot.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.swimmy.bot.app.config.Config.Admin;
import dev.swimmy.bot.app.config.Config.Discord;
import dev.swimmy.bot.app.config.Config.Notifier;
import dev.swimmy.bot.app.config.Config.Source;
import dev.swimmy.bot.app.config.Config.Status;
import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.WebhookAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.swimmy.bot.core.status.MarketHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code swimmy-bot.yaml} and the environment into a {@link Config}. Every problem is a
 * {@link ConfigException} naming the key or variable, thrown at start; unknown keys are errors
 * too, so a typo does not silently fall back to a default. Relative paths resolve against {@code
 * home}; {@code home} itself, when relative, against the config file's folder. Environment
 * variables win over the file: {@code SWIMMY_HOME}, {@code SWIMMY_NOTIFIER_QUEUE_MAX}, {@code
 * SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC}, {@code SWIMMY_PORT_NOTIFIER}, {@code
 * SWIMMY_DISCORD_BOT_TOKEN}, and {@code $CREDENTIALS_DIRECTORY/discord-token} (systemd's
 * {@code LoadCredential=}) when no other token is given.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern BIND = Pattern.compile("tcp://([^:/]+|\\[[0-9a-fA-F:]+\\]):(\\d{1,5})");
  private static final Pattern LISTEN = Pattern.compile("([^:]+|\\[[0-9a-fA-F:]+\\]):(\\d{1,5})");

  private final Map<String, String> env;

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /** Loads the file with the process environment. */
  public static Config load(Path file) {
    return load(file, System.getenv());
  }

  public static Config load(Path file, Map<String, String> env) {
    JsonNode root;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      root = text.isBlank() ? YAML.createObjectNode() : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot read the config file: " + e.getMessage());
    }
    if (root == null || root.isNull()) {
      root = YAML.createObjectNode();
    }
    Path folder = file.toAbsolutePath().getParent();
    return new ConfigLoader(env).build(new Section("", root), folder);
  }

  private Config build(Section root, Path configFolder) {
    Path home = home(root, configFolder);
    Discord discord = discord(root.child("discord"), home);
    Status status = status(root.child("status"), home);
    Notifier notifier = notifier(root.child("notifier"), home);
    Admin admin = admin(root.child("admin"));
    Config.History history = history(root.child("history"), home, notifier);
    root.finish();
    return new Config(home, discord, status, notifier, admin, history);
  }

  private Path home(Section root, Path configFolder) {
    String fromEnv = env.get("SWIMMY_HOME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      root.string("home");
      return Path.of(fromEnv).toAbsolutePath().normalize();
    }
    return root.string("home")
        .map(h -> configFolder.resolve(h).normalize())
        .orElse(configFolder.getParent() != null ? configFolder.getParent() : configFolder);
  }

  private Discord discord(Section s, Path home) {
    Optional<Secret> token = token(s, home);
    URI api = s.string("api-base-url").map(u -> apiBase(s.key("api-base-url"), u))
        .orElse(URI.create("https://discord.com/api/v10"));
    Optional<WebhookAddress> alerts = s.string("alerts-webhook").map(u -> webhook(s.key("alerts-webhook"), u));
    Discord d = new Discord(token, api, s.snowflake("guild-id"), s.snowflake("panel-channel-id"),
        s.duration("panel-interval", Duration.ofSeconds(60)), alerts, s.snowflake("alerts-channel-id"));
    s.finish();
    return d;
  }

  private Optional<Secret> token(Section s, Path home) {
    Optional<String> inline = s.string("token");
    Optional<String> file = s.string("token-file");
    String fromEnv = env.get("SWIMMY_DISCORD_BOT_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(new Secret(fromEnv.strip()));
    }
    if (inline.isPresent() && !inline.get().isBlank()) {
      return Optional.of(new Secret(inline.get().strip()));
    }
    if (file.isPresent()) {
      return Optional.of(readToken(s.key("token-file"), home.resolve(file.get())));
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

  private static URI apiBase(String key, String text) {
    String trimmed = text.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException(key, "must be an http(s) URL, got " + quote(text));
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(key, "must be an http(s) URL, got " + quote(text));
    }
  }

  private static WebhookAddress webhook(String key, String url) {
    return WebhookAddress.parse(url)
        .orElseThrow(() -> new ConfigException(key,
            "must be a Discord webhook URL (https://discord.com/api/webhooks/{id}/{token})"));
  }

  /** The backtest cache's own size cap: see the README (today's 20,000-entry cache is 4.7 MB). */
  static final long BACKTEST_MAX_FILE_BYTES = 256L * 1024 * 1024;

  private Status status(Section s, Path home) {
    Source live = source(s.child("live-status"), home, ".opus/live_status.sexp", 2, Duration.ofSeconds(180), true, null, 0);
    Source metrics = source(s.child("system-metrics"), home, "data/system_metrics.sexp", 1, Duration.ofSeconds(300), false, null, 0);
    Source backtest = source(s.child("backtest-cache"), home, "data/backtest_cache.sexp", 1, Duration.ofHours(26), true,
        Duration.ofSeconds(30), BACKTEST_MAX_FILE_BYTES);
    Status st = new Status(live, metrics, backtest,
        s.positiveLong("max-file-bytes", 32L * 1024 * 1024),
        (int) s.positiveLong("max-depth", 64),
        home.resolve(s.string("last-good-dir").orElse("data/last_good")).normalize(),
        marketHours(s));
    s.finish();
    return st;
  }

  /**
   * {@code rereadEvery}: the default {@code min-reread-interval}, or null where the key does not
   * apply; {@code maxBytes}: the default {@code max-file-bytes} of this source, or 0 where the
   * key does not apply (the source uses {@code status.max-file-bytes}).
   */
  private static Source source(Section s, Path home, String path, int schema, Duration stale,
      boolean required, Duration rereadEvery, long maxBytes) {
    Source src = new Source(
        home.resolve(s.string("path").orElse(path)).normalize(),
        (int) s.positiveLong("schema-version", schema),
        s.duration("stale-after", stale),
        s.bool("required", required),
        rereadEvery == null ? Duration.ZERO : s.duration("min-reread-interval", rereadEvery),
        maxBytes == 0 ? 0 : s.positiveLong("max-file-bytes", maxBytes));
    s.finish();
    return src;
  }

  private static final Pattern SESSION_TIME = Pattern.compile("(?i)(MON|TUE|WED|THU|FRI|SAT|SUN)\\s+(\\d{1,2}):(\\d{2})");

  /** {@code status.market-hours}: {@code always}, or {zone, open, close, closed-dates}; default FX. */
  private static MarketHours marketHours(Section parent) {
    String key = parent.key("market-hours");
    if (!parent.isMapping("market-hours")) {
      Optional<String> v = parent.string("market-hours");
      if (v.isEmpty()) {
        return MarketHours.fx();
      }
      if (v.get().strip().equalsIgnoreCase("always")) {
        return MarketHours.always();
      }
      throw new ConfigException(key, "must be always or a mapping {zone, open, close, closed-dates}, got " + quote(v.get()));
    }
    Section s = parent.child("market-hours");
    ZoneId zone;
    String zoneText = s.string("zone").orElse("America/New_York");
    try {
      zone = ZoneId.of(zoneText.strip());
    } catch (java.time.DateTimeException e) {
      throw new ConfigException(s.key("zone"), "must be a time zone like America/New_York, got " + quote(zoneText));
    }
    String openText = s.string("open").orElse("SUN 17:00");
    String closeText = s.string("close").orElse("FRI 17:00");
    Matcher open = sessionTime(s.key("open"), openText);
    Matcher close = sessionTime(s.key("close"), closeText);
    java.util.Set<LocalDate> closed = new java.util.TreeSet<>();
    for (String d : s.strings("closed-dates")) {
      try {
        closed.add(LocalDate.parse(d.strip()));
      } catch (java.time.DateTimeException e) {
        throw new ConfigException(s.key("closed-dates"), "must be dates like 2026-12-25, got " + quote(d));
      }
    }
    s.finish();
    try {
      return MarketHours.weekly(zone, day(open), time(s.key("open"), open), day(close),
          time(s.key("close"), close), closed);
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
    String d = m.group(1).toUpperCase(java.util.Locale.ROOT);
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

  private Notifier notifier(Section s, Path home) {
    String bind = bind(s);
    // The file's values are read (and checked) even when the environment overrides them.
    long fileQueueMax = s.positiveLong("queue-max", 1000);
    Duration fileDedupe = s.duration("dedupe-window", Duration.ofSeconds(180));
    int queueMax = (int) envLong("SWIMMY_NOTIFIER_QUEUE_MAX").orElse(fileQueueMax);
    OptionalLong dedupeSec = envLong("SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC");
    Duration dedupe = dedupeSec.isPresent() ? Duration.ofSeconds(dedupeSec.getAsLong()) : fileDedupe;
    Map<String, WebhookAddress> routes = new LinkedHashMap<>();
    Section r = s.child("routes");
    for (String name : r.keys()) {
      routes.put(name, webhook(r.key(name), r.string(name).orElseThrow(
          () -> new ConfigException(r.key(name), "must be a Discord webhook URL"))));
    }
    r.finish();
    Notifier n = new Notifier(bind, queueMax, dedupe,
        home.resolve(s.string("spool").orElse("data/notifier_spool.db")).normalize(),
        home.resolve(s.string("metrics-file").orElse("data/notifier_metrics.sexp")).normalize(),
        s.duration("metrics-interval", Duration.ofSeconds(10)),
        s.duration("max-age", Duration.ofMinutes(15)),
        s.duration("latency-slo", Duration.ofSeconds(60)),
        routes,
        (int) s.positiveLong("max-frame-bytes", 256 * 1024),
        s.duration("heartbeat-interval", Duration.ofSeconds(5)),
        Optional.of(httpListen(s)));
    s.finish();
    return n;
  }

  private String bind(Section s) {
    String bind = s.string("bind").orElse("tcp://127.0.0.1:5562");
    Matcher m = BIND.matcher(bind);
    if (!m.matches()) {
      throw new ConfigException(s.key("bind"), "must look like tcp://127.0.0.1:5562, got " + quote(bind));
    }
    int port = (int) envLong("SWIMMY_PORT_NOTIFIER").orElse(Long.parseLong(m.group(2)));
    if (port < 1 || port > 65535) {
      throw new ConfigException("SWIMMY_PORT_NOTIFIER", "must be a port between 1 and 65535");
    }
    return "tcp://" + m.group(1) + ":" + port;
  }

  private static Config.HttpListen httpListen(Section s) {
    String listen = s.string("http-listen").orElse("127.0.0.1:9465");
    Matcher m = LISTEN.matcher(listen);
    int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    if (port < 0 || port > 65535) {
      throw new ConfigException(s.key("http-listen"), "must look like 127.0.0.1:9465, got " + quote(listen));
    }
    Duration waitMax = s.duration("http-wait-max", Duration.ofSeconds(10));
    return new Config.HttpListen(m.group(1).replaceAll("^\\[|\\]$", ""), port, waitMax);
  }

  /** {@code history.path}, {@code history.retention}, {@code history.max-rows}. */
  private static Config.History history(Section s, Path home, Notifier notifier) {
    Config.History d = Config.History.besideSpool(notifier.spool());
    Config.History h = new Config.History(
        s.string("path").map(p -> home.resolve(p).normalize()).orElse(d.path()),
        s.duration("retention", d.retention()),
        s.positiveLong("max-rows", d.maxRows()));
    s.finish();
    if (h.retention().isZero() || h.retention().isNegative()) {
      throw new ConfigException(s.key("retention"), "must be positive, got " + Durations.format(h.retention()));
    }
    return h;
  }

  private static Admin admin(Section s) {
    String listen = s.string("listen").orElse("127.0.0.1:9464");
    Matcher m = LISTEN.matcher(listen);
    int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
    if (port < 0 || port > 65535) {
      throw new ConfigException(s.key("listen"), "must look like 127.0.0.1:9464, got " + quote(listen));
    }
    s.finish();
    return new Admin(m.group(1).replaceAll("^\\[|\\]$", ""), port);
  }

  private OptionalLong envLong(String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(v.strip());
      if (n <= 0) {
        throw new ConfigException(name, "must be a positive integer, got " + quote(v));
      }
      return OptionalLong.of(n);
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be a positive integer, got " + quote(v));
    }
  }

  static String quote(String v) {
    String shown = v.length() > 40 ? v.substring(0, 40) + "…" : v;
    return "\"" + shown + "\"";
  }
}
