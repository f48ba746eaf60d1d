package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * What one webhook lane owes the spool: the outcomes of sends Discord has already answered that the
 * spool could not record yet (disk full, read-only file), in the order they happened.
 *
 * <p>The rule: an outcome that could not be recorded is kept and its <em>write</em> retried, with
 * capped exponential backoff, before the lane makes any new send; its messages are never sent
 * again by this run. Without it a delivered message whose "delivered" mark failed would stay in
 * flight in the lane and go out again on every retry: a duplicate storm. A restart before the
 * write succeeds finds those messages in flight, which opening the spool returns to pending, so
 * each is sent at most once more: a full disk sends no message more than twice. Any other failed spool write of the lane (a claim) backs off on the same
 * schedule, so a full disk never makes a lane loop hot.
 *
 * <p>Plain state with time passed in; not thread-safe: the lane that owns it uses it from one step
 * at a time.
 */
public final class UnrecordedOutcomes {
  /** First wait after a failed write; it doubles per failure in a row up to {@link #RETRY_CAP}. */
  public static final Duration RETRY_BASE = Duration.ofSeconds(1);
  /** The longest wait between write attempts. */
  public static final Duration RETRY_CAP = Duration.ofSeconds(30);

  /** An answer from Discord that the spool must record. */
  public sealed interface Outcome {
    /** The spool ids of the messages Discord answered for. */
    List<Long> ids();

    /** When Discord answered. */
    Instant at();
  }

  /**
   * Discord answered 2xx for these messages.
   *
   * @param ids the spool ids delivered; copied
   * @param at when Discord answered
   */
  public record Delivered(List<Long> ids, Instant at) implements Outcome {
    public Delivered {
      ids = List.copyOf(ids);
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Discord refused these messages for good (e.g. 400); {@code reason} is kept with them.
   *
   * @param ids the spool ids refused; copied
   * @param reason why, kept with the dead letters
   * @param at when Discord answered
   */
  public record DeadLettered(List<Long> ids, String reason, Instant at) implements Outcome {
    public DeadLettered {
      ids = List.copyOf(ids);
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(at, "at");
    }
  }

  /** What the lane does next. */
  public sealed interface Next {}

  /** Nothing is owed: the lane may claim and send. */
  public record Proceed() implements Next {}

  /**
   * Write this outcome (the oldest owed), then report {@link #recorded} or {@link #writeFailed}.
   *
   * @param outcome the oldest owed outcome
   */
  public record Write(Outcome outcome) implements Next {}

  /**
   * The last write failed: no send and no write before {@code at}.
   *
   * @param at the earliest time for the next send or write
   */
  public record WaitUntil(Instant at) implements Next {}

  private final Deque<Outcome> owed = new ArrayDeque<>();
  private final Backoff backoff;
  private int failures;
  private Instant retryAt = Instant.MIN;

  /** Nothing owed; failed writes are retried after the waits {@code backoff} gives. */
  public UnrecordedOutcomes(Backoff backoff) {
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  /** Owes {@code outcome} to the spool, after any owed before it. */
  public void add(Outcome outcome) {
    owed.addLast(Objects.requireNonNull(outcome, "outcome"));
  }

  /**
   * Decides the lane's next move at {@code now}: proceed when nothing is owed, else write the oldest
   * owed outcome, or wait until the backoff after the last failed write has passed.
   */
  public Next next(Instant now) {
    if (owed.isEmpty()) {
      return new Proceed();
    }
    return now.isBefore(retryAt) ? new WaitUntil(retryAt) : new Write(owed.peekFirst());
  }

  /** The spool recorded {@code outcome} (the one {@link #next} handed out): it is no longer owed. */
  public void recorded(Outcome outcome) {
    if (!outcome.equals(owed.peekFirst())) {
      throw new IllegalStateException("recorded an outcome that is not the oldest owed");
    }
    owed.removeFirst();
    writeSucceeded();
  }

  /** A spool write of this lane succeeded: the next failure waits the shortest time again. */
  public void writeSucceeded() {
    failures = 0;
    retryAt = Instant.MIN;
  }

  /**
   * A spool write of this lane (an owed outcome or a claim) failed at {@code now}: returns when to
   * try again, each failure in a row waiting about twice as long, up to {@link #RETRY_CAP}.
   */
  public Instant writeFailed(Instant now) {
    retryAt = now.plus(backoff.delay(failures));
    failures++;
    return retryAt;
  }

  /** Failed spool writes in a row; 1 on the first failure of an episode (e.g. to log it once). */
  public int failuresInARow() {
    return failures;
  }

  /** How many outcomes are owed. */
  public int size() {
    return owed.size();
  }

  /** Whether nothing is owed. */
  public boolean isEmpty() {
    return owed.isEmpty();
  }

  /** The owed outcomes, oldest first. */
  public List<Outcome> owed() {
    return List.copyOf(owed);
  }
}
