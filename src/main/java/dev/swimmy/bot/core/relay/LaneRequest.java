package dev.swimmy.bot.core.relay;

import java.util.List;

/**
 * One request a lane makes: the messages it delivers and its body, or the bodies of a message split
 * in parts (sent one after another, the messages delivered when the last part is). A digest folds
 * expired messages; a pack carries several embed-only ones. Which part goes next is the lane's
 * progress, kept here and moved only by {@link LanePolicy}.
 */
public final class LaneRequest {
  private final List<SpooledMessage> members;
  private final List<String> parts;
  private final boolean digest;
  private final boolean packed;
  private final PayloadLimits.Fitted fitted;
  private int next;
  private boolean reported;

  LaneRequest(List<SpooledMessage> members, List<String> parts, boolean digest, boolean packed,
      PayloadLimits.Fitted fitted) {
    this.members = List.copyOf(members);
    this.parts = List.copyOf(parts);
    this.digest = digest;
    this.packed = packed;
    this.fitted = fitted;
  }

  /** The messages this request delivers, in spool order. */
  public List<SpooledMessage> members() {
    return members;
  }

  /** Their spool ids. */
  public List<Long> ids() {
    return members.stream().map(SpooledMessage::id).toList();
  }

  /** Whether this is the digest of expired messages. */
  public boolean digest() {
    return digest;
  }

  /** Whether several messages share this request (a pack). */
  public boolean packed() {
    return packed;
  }

  /** How many bodies this request is sent in (more than one for a split message). */
  public int parts() {
    return parts.size();
  }

  int next() {
    return next;
  }

  String body() {
    return parts.get(next);
  }

  boolean lastPart() {
    return next + 1 == parts.size();
  }

  void advance() {
    next++;
  }

  /** The fitting to count, the first time only (a request may be planned many times). */
  PayloadLimits.Fitted report() {
    if (reported || fitted == null) {
      return new PayloadLimits.Fitted(List.of(body()), 0);
    }
    reported = true;
    return fitted;
  }

  /** A single message's thread and files; a digest or a pack has none. Files go with part 1. */
  MessageExtras extras() {
    if (digest || members.size() != 1) {
      return MessageExtras.ZMQ;
    }
    MessageExtras extras = members.get(0).extras();
    return next == 0 ? extras : new MessageExtras(extras.intake(), extras.threadId(), List.of());
  }
}
