package dev.swimmy.bot.core.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Packs consecutive embed-only notifications of one webhook into one request (at most 10 embeds and
 * 6,000 characters), in order, so a backlog drains within Discord's 5 requests per 2 seconds. A
 * message is embed-only when it has embeds and no content, components, attachments, poll or flags,
 * and it joins a pack only when its other fields (username, avatar) equal the first's and it is
 * within limits by itself; one with a thread or files goes alone. Each packed message is delivered only when the pack's request gets its
 * 2xx.
 */
public final class Coalescer {
  private static final Set<String> NOT_PACKABLE =
      Set.of("content", "components", "attachments", "poll", "flags", "tts", "files", "sticker_ids");

  private Coalescer() {}

  /**
   * The first request to send from {@code queue}: the messages it carries and its body.
   *
   * @param messages the messages the request carries, in queue order; copied
   * @param payloadJson the request's Discord JSON body
   */
  public record Pack(List<SpooledMessage> messages, String payloadJson) {
    public Pack {
      messages = List.copyOf(messages);
    }
  }

  /** Packs from the head of {@code queue} (non-empty); a head that cannot be packed goes alone. */
  public static Pack firstPack(List<SpooledMessage> queue, int maxMessages) {
    SpooledMessage head = queue.get(0);
    ObjectNode first = packable(head);
    if (first == null || maxMessages <= 1) {
      return new Pack(List.of(head), head.payloadJson());
    }
    Map<String, JsonNode> others = PayloadLimits.others(first);
    List<SpooledMessage> members = new ArrayList<>(List.of(head));
    ObjectNode body = first.deepCopy();
    ArrayNode embeds = (ArrayNode) body.get("embeds");
    int chars = totalChars(embeds);
    for (int i = 1; i < queue.size() && members.size() < maxMessages; i++) {
      ObjectNode next = packable(queue.get(i));
      if (next == null || !PayloadLimits.others(next).equals(others)) {
        break;
      }
      JsonNode more = next.get("embeds");
      int moreChars = totalChars(more);
      if (embeds.size() + more.size() > PayloadLimits.EMBEDS || chars + moreChars > PayloadLimits.TOTAL) {
        break;
      }
      more.forEach(embeds::add);
      chars += moreChars;
      members.add(queue.get(i));
    }
    return members.size() == 1
        ? new Pack(members, head.payloadJson())
        : new Pack(members, body.toString());
  }

  /** The message's body if it is embed-only and within limits, else null. */
  static ObjectNode packable(SpooledMessage m) {
    if (m.extras().sendAlone()) {
      return null;
    }
    ObjectNode root = PayloadLimits.parseObject(m.payloadJson());
    if (root == null || !root.path("embeds").isArray() || root.path("embeds").isEmpty()) {
      return null;
    }
    for (String key : NOT_PACKABLE) {
      if (root.has(key) && !(key.equals("content") && PayloadLimits.len(root.get(key)) == 0 && root.get(key).isTextual())) {
        return null;
      }
    }
    root.remove("content");
    return PayloadLimits.withinLimits(root) ? root : null;
  }

  private static int totalChars(JsonNode embeds) {
    int n = 0;
    for (JsonNode e : embeds) {
      n += PayloadLimits.embedChars(e);
    }
    return n;
  }
}
