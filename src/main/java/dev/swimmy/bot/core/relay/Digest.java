package dev.swimmy.bot.core.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The one message that stands for every notification of a webhook that was older than {@code
 * notifier.max-age} when its turn came, so an outage ends in one digest rather than an avalanche of
 * stale alerts: "N notifications from HH:MM to HH:MM were not delivered in time" (JST, the
 * engine's operators' zone) and, one line each, their times and titles, as many as the embed
 * limits allow, then "… and K more".
 */
public final class Digest {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(JST);
  private static final int LINE_MAX = 120;
  private static final int COLOR = 0x95A5A6;

  private Digest() {}

  /**
   * The digest's Discord JSON payload for {@code expired}, one webhook's messages in the order given.
   *
   * @throws IllegalArgumentException if {@code expired} is empty
   */
  public static String payload(List<SpooledMessage> expired) {
    if (expired.isEmpty()) {
      throw new IllegalArgumentException("a digest needs at least one message");
    }
    Instant from = expired.stream().map(SpooledMessage::createdAt).min(Comparator.naturalOrder()).get();
    Instant to = expired.stream().map(SpooledMessage::createdAt).max(Comparator.naturalOrder()).get();
    int n = expired.size();
    String title = n + (n == 1 ? " notification" : " notifications") + " from " + HH_MM.format(from)
        + " to " + HH_MM.format(to) + " were not delivered in time";
    StringBuilder description = new StringBuilder();
    int budget = PayloadLimits.DESCRIPTION - 40;
    int shown = 0;
    for (SpooledMessage m : expired) {
      String line = "`" + HH_MM.format(m.createdAt()) + "` " + oneLine(titleOf(m)) + "\n";
      if (description.length() + line.length() > budget) {
        break;
      }
      description.append(line);
      shown++;
    }
    if (shown < n) {
      description.append("… and ").append(n - shown).append(" more");
    }
    ObjectNode root = PayloadLimits.JSON.createObjectNode();
    ObjectNode embed = root.putArray("embeds").addObject();
    embed.put("title", PayloadLimits.truncate(title, PayloadLimits.TITLE));
    embed.put("description", description.toString().strip());
    embed.put("color", COLOR);
    embed.putObject("footer").put("text", "swimmy relay digest");
    return root.toString();
  }

  /** A notification's title: its first embed's title, else its first line of content. */
  public static String titleOf(SpooledMessage m) {
    ObjectNode root = PayloadLimits.parseObject(m.payloadJson());
    if (root == null) {
      return "(unreadable payload)";
    }
    for (JsonNode e : root.path("embeds")) {
      String t = e.path("title").asText("").strip();
      if (!t.isEmpty()) {
        return t;
      }
    }
    String content = root.path("content").asText("").strip();
    return content.isEmpty() ? "(untitled)" : content.lines().findFirst().orElse("");
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() <= LINE_MAX ? t : t.substring(0, LINE_MAX - 1) + "…";
  }
}
