package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.DiscordLimits;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders {@code /notifier}: the relay's health and the dead-letter lists, always inside
 * Discord's limits. Every figure means what {@code RelayFigures} defines: errors are failed
 * attempts (no 429s, no retries), the success rate is delivered over finished (delivered,
 * dead-lettered, expired or dropped). Times use Discord's {@code <t:UNIX:R>} markup so clients show live ages.
 * Webhooks appear by id only; their tokens never reach this class.
 */
public final class RelayView {
  /** At most this many dead webhooks or dead letters are listed; the rest are counted. */
  static final int LIST_MAX = 15;

  private RelayView() {}

  /**
   * The {@code /notifier} health embed: queue, counters, latencies against the SLO, dead webhooks,
   * a failing spool and the last error per webhook. Coloured bad for a spool error or a dead
   * webhook, warn for a breached SLO or any dead letter; always within Discord's limits.
   */
  public static Message health(RelayHealth h) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("Queue", String.valueOf(h.queueLength()), true));
    fields.add(new Field("Oldest pending", h.oldestPending().map(RelayView::relative).orElse("—"), true));
    fields.add(new Field("Delivered", String.valueOf(h.delivered()), true));
    fields.add(new Field("Success rate", h.successRate().map(RelayView::percent).orElse("—"), true));
    fields.add(new Field("Errors", String.valueOf(h.errors()), true));
    fields.add(new Field("Retries", String.valueOf(h.retries()), true));
    fields.add(new Field("Dead-lettered", String.valueOf(h.deadLettered()), true));
    fields.add(new Field("Expired (in digests)", String.valueOf(h.expired()), true));
    fields.add(new Field("Drops", String.valueOf(h.drops()), true));
    fields.add(new Field("Rejected", String.valueOf(h.rejected()), true));
    fields.add(new Field("Rate limited", String.valueOf(h.rateLimited()), true));
    fields.add(new Field("Dedupe suppressed", String.valueOf(h.dedupeSuppressed()), true));
    if (!h.queuedByIntake().isEmpty()) {
      fields.add(new Field("Queued by intake", byIntake(h.queuedByIntake()), true));
    }
    fields.add(new Field("Latency p50 / p95 / p99", latencies(h), true));
    fields.add(new Field("Latency SLO", millis(h.latencySlo()) + (h.sloBreached() ? " ⚠️ breached" : " ✅"), true));
    fields.add(new Field("Dead letters", String.valueOf(h.deadLetters()), true));
    fields.add(new Field("Dead webhooks (" + h.deadWebhooks().size() + ")", deadWebhooks(h.deadWebhooks()), false));
    h.spoolError().ifPresent(e -> fields.add(new Field("⚠️ Spool writes failing", e, false)));
    if (!h.lastErrorByWebhook().isEmpty()) {
      fields.add(new Field("Last error per webhook", lastErrors(h), false));
    }
    int color = colorOf(h);
    Embed e =
        new Embed("Notifier health", "Snapshot " + relative(h.takenAt()), color, fields, "swimmy relay");
    return DiscordLimits.fit(Message.of(e));
  }

  /**
   * The dead-letter list: at most {@value #LIST_MAX} of {@code letters}, each by id, webhook id,
   * age and reason cut to one line, then how many more of {@code total} there are.
   *
   * @param letters the dead letters to list, oldest first
   * @param total how many dead letters the spool holds, which may exceed {@code letters.size()}
   */
  public static Message deadLetters(List<DeadLetter> letters, int total) {
    StringBuilder sb = new StringBuilder();
    if (letters.isEmpty()) {
      sb.append("No dead letters.");
    }
    for (DeadLetter d : letters.subList(0, Math.min(LIST_MAX, letters.size()))) {
      sb.append("`#").append(d.id()).append("` webhook `").append(d.webhookId()).append("` dead ")
          .append(relative(d.deadAt())).append(" — ").append(Embeds.cut(oneLine(d.reason()), 120)).append('\n');
    }
    if (total > Math.min(LIST_MAX, letters.size())) {
      sb.append("… and ").append(total - Math.min(LIST_MAX, letters.size())).append(" more");
    }
    String title = "Dead letters (" + total + ")";
    return DiscordLimits.fit(Embeds.simple(title, sb.toString().strip(), total == 0 ? Colors.OK : Colors.WARN));
  }

  /** {@code zmq 120 · http 7}, in name order. */
  private static String byIntake(java.util.Map<String, Long> counts) {
    return new java.util.TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(java.util.stream.Collectors.joining(" · ")).transform(s -> s.isEmpty() ? "—" : s);
  }

  /** The reply to a requeue: how many dead letters, of which webhook or of all. */
  public static Message requeued(int count, Optional<String> webhookId) {
    return Embeds.simple("Requeued " + count + " dead letter" + plural(count), scope(webhookId), Colors.OK);
  }

  /** The reply to a purge: how many dead letters, of which webhook or of all. */
  public static Message purged(int count, Optional<String> webhookId) {
    return Embeds.simple("Purged " + count + " dead letter" + plural(count), scope(webhookId), Colors.WARN);
  }

  private static int colorOf(RelayHealth h) {
    if (h.spoolError().isPresent() || !h.deadWebhooks().isEmpty()) {
      return Colors.BAD;
    }
    return h.sloBreached() || h.deadLetters() > 0 ? Colors.WARN : Colors.OK;
  }

  private static String deadWebhooks(List<DeadWebhook> dead) {
    if (dead.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    for (DeadWebhook d : dead.subList(0, Math.min(LIST_MAX, dead.size()))) {
      sb.append('`').append(d.webhookId()).append("` since ").append(relative(d.since())).append(" — ")
          .append(Embeds.cut(oneLine(d.reason()), 60)).append('\n');
    }
    if (dead.size() > LIST_MAX) {
      sb.append("… and ").append(dead.size() - LIST_MAX).append(" more");
    }
    return sb.toString().strip();
  }

  private static String lastErrors(RelayHealth h) {
    StringBuilder sb = new StringBuilder();
    h.lastErrorByWebhook().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .limit(LIST_MAX)
        .forEach(e -> sb.append('`').append(e.getKey()).append("` ").append(Embeds.cut(oneLine(e.getValue()), 80)).append('\n'));
    return sb.toString().strip();
  }

  private static String latencies(RelayHealth h) {
    if (h.latencyP50().isEmpty()) {
      return "—";
    }
    return h.latencyP50().map(RelayView::millis).orElse("—") + " / "
        + h.latencyP95().map(RelayView::millis).orElse("—") + " / "
        + h.latencyP99().map(RelayView::millis).orElse("—");
  }

  static String millis(Duration d) {
    long ms = d.toMillis();
    return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms + " ms";
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  static String relative(Instant t) {
    return "<t:" + t.getEpochSecond() + ":R>";
  }

  private static String scope(Optional<String> webhookId) {
    return webhookId.map(id -> "Webhook `" + id + "`").orElse("All webhooks");
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
