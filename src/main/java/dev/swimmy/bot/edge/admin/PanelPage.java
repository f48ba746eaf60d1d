package dev.swimmy.bot.edge.admin;

import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status panel as a web page that looks like Discord shows it: dark theme, embeds with their
 * colour bar, inline fields in a grid, badges as chips, and Discord's {@code <t:UNIX:R>} markup as
 * relative ages that a small inline script keeps ticking. The page reloads itself every {@code
 * refresh}; it has no external assets because the host has no internet.
 */
public final class PanelPage {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final Pattern TIMESTAMP = Pattern.compile("&lt;t:(-?\\d{1,12})(?::([tTdDfFR]))?&gt;");
  private static final Pattern BADGE =
      Pattern.compile("(🟢 OK|🔵 CLOCK SKEW|🟠 STALE|🟣 SCHEMA [^\\s<·—]+|🔴 PARSE ERROR|⚫ MISSING)");
  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  private PanelPage() {}

  public static String render(Message message, Instant now, Duration refresh) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta http-equiv=\"refresh\" content=\"").append(Math.max(5, refresh.toSeconds())).append("\">")
        .append("<title>swimmy-bot status</title><style>").append(CSS).append("</style></head><body>")
        .append("<main id=\"panel\" data-rendered=\"").append(now.getEpochSecond()).append("\">")
        .append("<div class=\"msg\"><div class=\"avatar\">S</div><div class=\"body\">")
        .append("<div class=\"author\">swimmy-bot <span class=\"tag\">BOT</span></div>");
    if (!message.content().isEmpty()) {
      h.append("<div class=\"content\">").append(markup(message.content(), now)).append("</div>");
    }
    for (Embed e : message.embeds()) {
      embed(h, e, now);
    }
    h.append("</div></div></main><script>").append(SCRIPT).append("</script></body></html>");
    return h.toString();
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

  private static final String SCRIPT = String.join("\n",
      "(function(){",
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
