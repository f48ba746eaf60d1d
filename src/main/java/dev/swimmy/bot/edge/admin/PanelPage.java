package dev.swimmy.bot.edge.admin;

import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.relay.LaneFigures;
import dev.swimmy.bot.core.relay.Redaction;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's page: the status panel as Discord shows it (dark theme, embeds with their colour
 * bar, inline fields in a grid, badges as chips, Discord's {@code <t:UNIX:R>} markup as relative
 * ages that a small inline script keeps ticking), the charts as images served by this host
 * ({@code /panel/chart/<name>.png}), and the relay's state: figures, the lanes' rate-limit wait,
 * lanes with errors, each lane's delivered, failed attempts and p95 since start (the most failing
 * first, at most {@link #LANE_FIGURES_SHOWN}), dead webhooks and dead letters with their last error. The page reloads itself
 * every {@code refresh}; it has no external assets because the host has no internet. Every text is
 * escaped, and error texts have webhook tokens masked ({@link Redaction#redact}).
 */
public final class PanelPage {
  /** One chart the page shows: its URL name, caption and size in pixels. */
  public record Chart(String name, String caption, int width, int height) {}

  /**
   * The relay's state as the page shows it; {@code health} or {@code lanes} is null when it could
   * not be read, and {@code problems} says so in words.
   */
  public record Relay(RelayHealth health, LanesHealth lanes, List<DeadLetter> deadLetters, int deadLetterCount,
      List<String> problems) {
    public Relay {
      deadLetters = List.copyOf(deadLetters);
      problems = List.copyOf(problems);
    }

    Relay withHealth(RelayHealth h) {
      return new Relay(h, lanes, deadLetters, deadLetterCount, problems);
    }

    Relay withLanes(LanesHealth s) {
      return new Relay(health, s, deadLetters, deadLetterCount, problems);
    }

    Relay withDeadLetters(List<DeadLetter> letters, int count) {
      return new Relay(health, lanes, letters, count, problems);
    }

    Relay withProblems(List<String> p) {
      return new Relay(health, lanes, deadLetters, deadLetterCount, p);
    }
  }

  /** Everything on the page. */
  public record View(Message status, List<Chart> charts, Relay relay, Instant now, Duration refresh) {
    public View {
      charts = List.copyOf(charts);
    }
  }

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final Pattern TIMESTAMP = Pattern.compile("&lt;t:(-?\\d{1,12})(?::([tTdDfFR]))?&gt;");
  private static final Pattern BADGE =
      Pattern.compile("(🟢 OK|🔵 CLOCK SKEW|🟠 STALE|🟣 SCHEMA [^\\s<·—]+|🔴 PARSE ERROR|⚫ MISSING)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private PanelPage() {}

  /** The status panel alone (no charts, no relay state). */
  public static String render(Message message, Instant now, Duration refresh) {
    return render(new View(message, List.of(), null, now, refresh));
  }

  /** The whole operator page. */
  public static String render(View v) {
    Message message = v.status();
    Instant now = v.now();
    Duration refresh = v.refresh();
    StringBuilder h = new StringBuilder(16384);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta http-equiv=\"refresh\" content=\"").append(Math.max(5, refresh.toSeconds())).append("\">")
        .append("<title>swimmy-bot status</title><style>").append(CSS).append(PAGE_CSS).append("</style></head><body>")
        .append("<div class=\"page\"><main id=\"panel\" data-rendered=\"").append(now.getEpochSecond()).append("\">")
        .append("<div class=\"msg\"><div class=\"avatar\">S</div><div class=\"body\">")
        .append("<div class=\"author\">swimmy-bot <span class=\"tag\">BOT</span></div>");
    if (!message.content().isEmpty()) {
      h.append("<div class=\"content\">").append(markup(message.content(), now)).append("</div>");
    }
    for (Embed e : message.embeds()) {
      embed(h, e, now);
    }
    h.append("</div></div></main>");
    if (!v.charts().isEmpty() || v.relay() != null) {
      h.append("<aside id=\"side\">");
      charts(h, v.charts(), now);
      if (v.relay() != null) {
        relay(h, v.relay(), now);
      }
      h.append("</aside>");
    }
    h.append("</div><script>").append(SCRIPT).append("</script></body></html>");
    return h.toString();
  }

  private static void charts(StringBuilder h, List<Chart> charts, Instant now) {
    h.append("<section id=\"charts\"><h2>History</h2>");
    if (charts.isEmpty()) {
      h.append("<p class=\"note\">No history to draw yet.</p>");
    }
    for (Chart c : charts) {
      String src = "/panel/chart/" + escape(c.name());
      h.append("<figure class=\"chart\" id=\"chart-").append(escape(c.name())).append("\">")
          .append("<figcaption>").append(escape(c.caption())).append(" <a href=\"").append(src)
          .append(".svg\">SVG</a></figcaption>")
          .append("<img class=\"chart\" src=\"").append(src).append(".png?at=").append(now.getEpochSecond())
          .append("\" width=\"").append(c.width()).append("\" height=\"").append(c.height())
          .append("\" alt=\"").append(escape(c.caption())).append("\"></figure>");
    }
    h.append("</section>");
  }

  private static void relay(StringBuilder h, Relay r, Instant now) {
    h.append("<section id=\"relay\"><h2>Relay</h2>");
    for (String p : r.problems()) {
      h.append("<p class=\"problem\">").append(escape(p)).append("</p>");
    }
    RelayHealth n = r.health();
    if (n != null) {
      h.append("<dl class=\"figures\">");
      figure(h, "Queue", String.valueOf(n.queueLength()));
      figure(h, "Oldest pending", n.oldestPending().map(t -> timestamp(t.getEpochSecond(), "R", now)).orElse("—"));
      figure(h, "Delivered", String.valueOf(n.delivered()));
      figure(h, "Errors", String.valueOf(n.errors()));
      figure(h, "Retries", String.valueOf(n.retries()));
      figure(h, "Rate limited (429)", String.valueOf(n.rateLimited()));
      figure(h, "Dead-lettered", String.valueOf(n.deadLettered()));
      figure(h, "Latency p50 / p95 / p99", n.latencyP50().isEmpty() ? "—"
          : millis(n.latencyP50().get()) + " / " + millis(n.latencyP95().orElseThrow()) + " / "
              + millis(n.latencyP99().orElseThrow()));
      h.append("</dl>");
      n.spoolError().ifPresent(e -> h.append("<p class=\"problem\">Spool writes failing: ").append(error(e)).append("</p>"));
    }
    LanesHealth s = r.lanes();
    if (s != null) {
      h.append("<h3>Rate-limit wait</h3><p id=\"wait\">");
      if (s.pausedUntil().isPresent()) {
        h.append("Sending paused until ").append(timestamp(s.pausedUntil().get().getEpochSecond(), "T", now))
            .append(" (").append(timestamp(s.pausedUntil().get().getEpochSecond(), "R", now)).append(")");
      } else {
        h.append("None: the lanes are sending.");
      }
      h.append(" Invalid requests in the last 10 min: ").append(s.invalidRequestsLast10Min()).append(".</p>");
      lanes(h, s, n, now);
      laneFigures(h, s);
    }
    if (n != null) {
      h.append("<h3>Dead webhooks (").append(n.deadWebhooks().size()).append(")</h3>");
      if (!n.deadWebhooks().isEmpty()) {
        h.append("<table id=\"dead-webhooks\"><tr><th>Webhook</th><th>Since</th><th>Reason</th></tr>");
        for (DeadWebhook d : n.deadWebhooks()) {
          h.append("<tr><td><code>").append(escape(d.webhookId())).append("</code></td><td>")
              .append(timestamp(d.since().getEpochSecond(), "R", now)).append("</td><td>").append(error(d.reason()))
              .append("</td></tr>");
        }
        h.append("</table>");
      }
    }
    h.append("<h3>Dead letters (").append(r.deadLetterCount()).append(")</h3>");
    if (!r.deadLetters().isEmpty()) {
      h.append("<table id=\"dead-letters\"><tr><th>#</th><th>Webhook</th><th>Dead</th><th>Last error</th></tr>");
      for (DeadLetter d : r.deadLetters()) {
        h.append("<tr><td>").append(d.id()).append("</td><td><code>").append(escape(d.webhookId()))
            .append("</code></td><td>").append(timestamp(d.deadAt().getEpochSecond(), "R", now)).append("</td><td>")
            .append(error(d.reason())).append("</td></tr>");
      }
      h.append("</table>");
      if (r.deadLetterCount() > r.deadLetters().size()) {
        h.append("<p class=\"note\">… and ").append(r.deadLetterCount() - r.deadLetters().size()).append(" more.</p>");
      }
    }
    h.append("</section>");
  }

  /** Lanes that have failed since start, or are dead; a lane not listed has had no error. */
  private static void lanes(StringBuilder h, LanesHealth s, RelayHealth n, Instant now) {
    Map<String, LanesHealth.LastError> errors = new TreeMap<>(s.lastErrorByWebhook());
    java.util.Set<String> dead = new java.util.TreeSet<>(s.deadWebhooks());
    if (n != null) {
      n.deadWebhooks().forEach(d -> dead.add(d.webhookId()));
    }
    java.util.Set<String> ids = new java.util.TreeSet<>(errors.keySet());
    ids.addAll(dead);
    h.append("<h3>Lanes</h3>");
    if (ids.isEmpty()) {
      h.append("<p class=\"note\">No lane has failed since start.</p>");
      return;
    }
    h.append("<table id=\"lanes\"><tr><th>Webhook</th><th>State</th><th>Last error</th><th>When</th></tr>");
    for (String id : ids) {
      LanesHealth.LastError e = errors.get(id);
      h.append("<tr><td><code>").append(escape(id)).append("</code></td><td>")
          .append(dead.contains(id) ? "<span class=\"badge badge-parse-error\">dead</span>"
              : "<span class=\"badge badge-stale\">retrying</span>")
          .append("</td><td>").append(e == null ? "—" : error(e.reason() + " " + e.detail())).append("</td><td>")
          .append(e == null ? "—" : timestamp(e.at().getEpochSecond(), "R", now)).append("</td></tr>");
    }
    h.append("</table><p class=\"note\">Lanes not listed have had no error since start.</p>");
  }

  /** Lane figures shown at most; the lanes keep up to 1,000. */
  static final int LANE_FIGURES_SHOWN = 50;

  /** Each lane's delivered, failed attempts and p95 since start, the most failing first. */
  private static void laneFigures(StringBuilder h, LanesHealth s) {
    if (s.byLane().isEmpty()) {
      return;
    }
    List<Map.Entry<String, LaneFigures>> rows = new ArrayList<>(s.byLane().entrySet());
    rows.sort(Comparator.comparing((Map.Entry<String, LaneFigures> e) -> -e.getValue().failed())
        .thenComparing(e -> -e.getValue().delivered()).thenComparing(Map.Entry::getKey));
    h.append("<h3>Lanes since start</h3><table id=\"lane-figures\"><tr><th>Webhook</th><th>Delivered</th>"
        + "<th>Failed attempts</th><th>p95</th></tr>");
    for (Map.Entry<String, LaneFigures> e : rows.subList(0, Math.min(LANE_FIGURES_SHOWN, rows.size()))) {
      LaneFigures f = e.getValue();
      h.append("<tr><td><code>").append(escape(e.getKey())).append("</code></td><td>").append(f.delivered())
          .append("</td><td>").append(f.failed()).append("</td><td>")
          .append(f.p95Ms().isPresent() ? f.p95Ms().getAsLong() + " ms" : "—").append("</td></tr>");
    }
    h.append("</table>");
    if (rows.size() > LANE_FIGURES_SHOWN) {
      h.append("<p class=\"note\">… and ").append(rows.size() - LANE_FIGURES_SHOWN).append(" more lanes.</p>");
    }
  }

  private static void figure(StringBuilder h, String name, String valueHtml) {
    h.append("<div><dt>").append(escape(name)).append("</dt><dd>").append(valueHtml).append("</dd></div>");
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  /** An error text from outside: webhook tokens masked, then escaped. */
  private static String error(String text) {
    return escape(Redaction.redact(text));
  }

  private static void embed(StringBuilder h, Embed e, Instant now) {
    String colour = String.format("#%06x", e.colour() & 0xFFFFFF);
    h.append("<article class=\"embed\" style=\"border-left-color:").append(colour)
        .append("\" data-colour=\"").append(colour).append("\">");
    if (!e.title().isEmpty()) {
      h.append("<h2 class=\"title\">").append(markup(e.title(), now)).append("</h2>");
    }
    if (!e.description().isEmpty()) {
      h.append("<div class=\"description\">").append(markup(e.description(), now)).append("</div>");
    }
    if (!e.fields().isEmpty()) {
      h.append("<div class=\"fields\">");
      for (Field f : e.fields()) {
        h.append("<div class=\"field").append(f.inline() ? " inline" : "").append("\">")
            .append("<div class=\"fname\">").append(markup(f.name(), now)).append("</div>")
            .append("<div class=\"fvalue\">").append(markup(f.value(), now)).append("</div></div>");
      }
      h.append("</div>");
    }
    if (!e.footer().isEmpty()) {
      h.append("<footer class=\"footer\">").append(escape(e.footer())).append("</footer>");
    }
    h.append("</article>");
  }

  /** Discord's markdown as far as our views use it: bold, code, timestamps, and badge chips. */
  static String markup(String text, Instant now) {
    String s = escape(text);
    s = CODE.matcher(s).replaceAll("<code>$1</code>");
    s = BOLD.matcher(s).replaceAll("<strong>$1</strong>");
    Matcher badge = BADGE.matcher(s);
    s = badge.replaceAll(m -> "<span class=\"badge " + badgeClass(m.group(1)) + "\">" + m.group(1) + "</span>");
    Matcher ts = TIMESTAMP.matcher(s);
    return ts.replaceAll(m -> timestamp(Long.parseLong(m.group(1)), m.group(2) == null ? "f" : m.group(2), now));
  }

  private static String badgeClass(String badge) {
    String word = badge.substring(badge.indexOf(' ') + 1);
    return "badge-" + (word.startsWith("SCHEMA") ? "schema" : word.toLowerCase().replace(' ', '-'));
  }

  private static String timestamp(long unix, String style, Instant now) {
    Instant at = Instant.ofEpochSecond(unix);
    String text = "R".equals(style) ? relative(at, now) : absolute(at, style);
    String title = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'JST'").format(at.atZone(JST));
    return "<time class=\"ts\" data-unix=\"" + unix + "\" data-style=\"" + style + "\" title=\"" + title
        + "\" datetime=\"" + at + "\">" + text + "</time>";
  }

  private static String absolute(Instant at, String style) {
    String pattern = switch (style) {
      case "t" -> "HH:mm";
      case "T" -> "HH:mm:ss";
      case "d" -> "yyyy-MM-dd";
      case "D" -> "d MMM yyyy";
      case "F" -> "EEEE, d MMM yyyy HH:mm";
      default -> "d MMM yyyy HH:mm";
    };
    return DateTimeFormatter.ofPattern(pattern, java.util.Locale.ENGLISH).format(at.atZone(JST)) + " JST";
  }

  /** Discord-style relative time; the page script recomputes it every second. */
  static String relative(Instant at, Instant now) {
    long s = Duration.between(at, now).getSeconds();
    boolean future = s < 0;
    long a = Math.abs(s);
    String amount;
    if (a < 45) {
      amount = a + (a == 1 ? " second" : " seconds");
    } else if (a < 2700) {
      long m = Math.max(1, Math.round(a / 60.0));
      amount = m + (m == 1 ? " minute" : " minutes");
    } else if (a < 79200) {
      long hr = Math.max(1, Math.round(a / 3600.0));
      amount = hr + (hr == 1 ? " hour" : " hours");
    } else if (a < 2592000) {
      long d = Math.max(1, Math.round(a / 86400.0));
      amount = d + (d == 1 ? " day" : " days");
    } else if (a < 31536000) {
      long mo = Math.max(1, Math.round(a / 2592000.0));
      amount = mo + (mo == 1 ? " month" : " months");
    } else {
      long y = Math.max(1, Math.round(a / 31536000.0));
      amount = y + (y == 1 ? " year" : " years");
    }
    return future ? "in " + amount : amount + " ago";
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String CSS = String.join("",
      "body{margin:0;background:#313338;color:#dbdee1;font:16px/1.375 'gg sans','Noto Sans',",
      "'Helvetica Neue',Helvetica,Arial,sans-serif}",
      "#panel{max-width:760px;padding:16px}",
      ".msg{display:flex;gap:16px}.avatar{flex:0 0 40px;height:40px;border-radius:50%;background:#5865f2;",
      "color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}",
      ".body{min-width:0;flex:1}.author{font-weight:500;color:#f2f3f5}",
      ".tag{background:#5865f2;color:#fff;font-size:10px;border-radius:3px;padding:1px 4px;vertical-align:middle}",
      ".content{white-space:pre-wrap}",
      ".embed{background:#2b2d31;border-left:4px solid #1e1f22;border-radius:4px;padding:8px 16px 16px 12px;",
      "margin-top:8px;max-width:560px}",
      ".title{font-size:16px;font-weight:600;color:#f2f3f5;margin:8px 0 0}",
      ".description{font-size:14px;white-space:pre-wrap;margin-top:8px}",
      ".fields{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:8px;margin-top:8px}",
      ".field{grid-column:1/-1;font-size:14px}.field.inline{grid-column:auto}",
      ".fname{font-weight:600;color:#f2f3f5;margin-bottom:2px}.fvalue{white-space:pre-wrap}",
      ".footer{font-size:12px;color:#949ba4;margin-top:8px}",
      "code{background:#1e1f22;border-radius:3px;padding:0 3px;font-size:85%}",
      "time.ts{background:#3f4147;border-radius:3px;padding:0 2px}",
      ".badge{border-radius:8px;padding:0 6px;font-weight:600;font-size:13px}",
      ".badge-ok{background:#1f3b2b}.badge-stale{background:#4a321a}.badge-parse-error{background:#4d1f1f}",
      ".badge-schema{background:#3b2550}.badge-missing{background:#3a1a17}.badge-clock-skew{background:#1f334a}");

  private static final String PAGE_CSS = String.join("",
      ".page{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.page>#panel{flex:1 1 560px}",
      "#side{flex:1 1 520px;max-width:760px;padding:16px;font-size:14px}",
      "#side h2{font-size:18px;color:#f2f3f5;margin:8px 0}#side h3{font-size:15px;color:#f2f3f5;margin:14px 0 6px}",
      "figure.chart{margin:0 0 12px;background:#2b2d31;border-radius:4px;padding:8px}",
      "figure.chart img{display:block;max-width:100%;height:auto;margin-top:6px}",
      "figcaption{color:#b5bac1}a{color:#00a8fc}",
      ".figures{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:6px;margin:0}",
      ".figures dt{color:#949ba4;font-size:12px}.figures dd{margin:0;color:#f2f3f5;font-weight:600}",
      "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:3px 6px;border-bottom:1px solid #3f4147;",
      "vertical-align:top;word-break:break-word}th{color:#949ba4;font-weight:500}",
      "td code{white-space:nowrap}.problem{color:#f38688}.note{color:#949ba4}");

  private static final String SCRIPT = String.join("\n",
      "(function(){",
      "document.querySelectorAll('img.chart').forEach(function(i){",
      "function seen(){var b=i.getBoundingClientRect();i.dataset.natural=i.naturalWidth+'x'+i.naturalHeight;",
      "i.dataset.box=Math.round(b.width)+'x'+Math.round(b.height);}",
      "if(i.complete&&i.naturalWidth>0){seen();}else{i.addEventListener('load',seen);",
      "i.addEventListener('error',function(){i.dataset.natural='error';});}});",
      "function rel(s){var f=s<0,a=Math.abs(s),n,u;",
      "if(a<45){n=a;u='second';}else if(a<2700){n=Math.max(1,Math.round(a/60));u='minute';}",
      "else if(a<79200){n=Math.max(1,Math.round(a/3600));u='hour';}",
      "else if(a<2592000){n=Math.max(1,Math.round(a/86400));u='day';}",
      "else if(a<31536000){n=Math.max(1,Math.round(a/2592000));u='month';}",
      "else{n=Math.max(1,Math.round(a/31536000));u='year';}",
      "var t=n+' '+u+(n===1?'':'s');return f?'in '+t:t+' ago';}",
      "function tick(){var now=Math.floor(Date.now()/1000);",
      "document.querySelectorAll('time.ts[data-style=R]').forEach(function(e){",
      "e.textContent=rel(now-Number(e.dataset.unix));});}",
      "tick();setInterval(tick,1000);})();");
}
