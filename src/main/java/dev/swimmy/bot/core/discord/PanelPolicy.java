package dev.swimmy.bot.core.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * When and how the status panel message is written: a pure state machine over {@link Memory}
 * (what was last posted) and the newly rendered content, with time passed in.
 *
 * <ul>
 *   <li>No panel yet: {@link PostNew}.
 *   <li>Content unchanged (same hash): {@link NoChange}, except that once per interval the message
 *       is {@link Verify verified} to still exist, so a deleted panel comes back without waiting
 *       for the data to change.
 *   <li>Content changed: {@link Edit} right away when a source's state changed, otherwise once the
 *       interval since the last write has passed.
 *   <li>An edit or verification answered 10008 Unknown Message: {@link PostNew} (the old one is
 *       gone). An edit answered 30046 (too many edits to a message older than an hour): {@link
 *       Replace} — post a fresh panel, then delete the old one, so there is always one panel.
 * </ul>
 */
public final class PanelPolicy {
  private final Duration interval;

  public PanelPolicy(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("panel interval must be positive");
    }
    this.interval = interval;
  }

  /** What was last written. {@code hash} and {@code stateKey} are "" when unknown (after a restart). */
  public record Memory(OptionalLong messageId, String hash, String stateKey, Instant lastWrite, Instant lastVerify) {
    public Memory {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(stateKey, "stateKey");
    }

    public static Memory none() {
      return new Memory(OptionalLong.empty(), "", "", Instant.EPOCH, Instant.EPOCH);
    }

    /** A panel id found on disk at start: its content is unknown, so the first tick edits it. */
    public static Memory restored(long messageId) {
      return new Memory(OptionalLong.of(messageId), "", "", Instant.EPOCH, Instant.EPOCH);
    }

    public Memory written(long id, Rendered r, Instant now) {
      return new Memory(OptionalLong.of(id), r.hash(), r.stateKey(), now, now);
    }

    public Memory verified(Instant now) {
      return new Memory(messageId, hash, stateKey, lastWrite, now);
    }
  }

  /** The new content: a hash of its body and a key of the sources' states. */
  public record Rendered(String hash, String stateKey) {}

  /** Why an edit or a check of the panel failed. */
  public enum Failure {
    /** 10008: the message was deleted. */
    UNKNOWN_MESSAGE,
    /** 30046: too many edits of a message older than an hour. */
    EDIT_TOO_OLD,
    /** Anything else (network, 5xx, missing access): try again on the next tick. */
    OTHER
  }

  public sealed interface Action permits NoChange, PostNew, Edit, Verify, Replace {}

  public record NoChange() implements Action {}

  public record PostNew() implements Action {}

  public record Edit(long messageId) implements Action {}

  public record Verify(long messageId) implements Action {}

  public record Replace(long oldMessageId) implements Action {}

  public Action decide(Memory m, Rendered r, Instant now) {
    if (m.messageId().isEmpty()) {
      return new PostNew();
    }
    long id = m.messageId().getAsLong();
    boolean due = !now.isBefore(m.lastWrite().plus(interval));
    if (!r.hash().equals(m.hash())) {
      boolean stateChanged = !r.stateKey().equals(m.stateKey());
      return stateChanged || due ? new Edit(id) : new NoChange();
    }
    return !now.isBefore(m.lastVerify().plus(interval)) ? new Verify(id) : new NoChange();
  }

  /** The follow-up to a failed {@link Edit} or {@link Verify} of message {@code id}. */
  public Action afterFailure(long id, Failure failure) {
    return switch (failure) {
      case UNKNOWN_MESSAGE -> new PostNew();
      case EDIT_TOO_OLD -> new Replace(id);
      case OTHER -> new NoChange();
    };
  }
}
