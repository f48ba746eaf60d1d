package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules that decide what a {@link Spool} does with a commit, whatever stores the messages: which
 * notifications are duplicates (their {@linkplain #dedupeKeys dedupe keys}), where a fresh one goes
 * (pending, or straight to the dead letters when its webhook is marked dead), and which pending
 * messages make room when the queue passes queue-max. Every spool asks this class rather than
 * deciding for itself, so the SQLite spool and the in-memory one in the test tree cannot drift
 * apart; one contract test runs against both.
 *
 * <p>A commit is decided in two steps, both pure: {@link #plan} places each notification of a batch,
 * and says by how many the queue would pass queue-max; {@link #dropOldest} then picks that many
 * pending messages to drop from the spool's pending ones, oldest first. The only mutable part,
 * the keys seen within the window, is the {@link DedupeWindow} a spool gets from {@link
 * #newDedupeWindow} and guards with its own lock.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpoolPolicy {
  /**
   * Dedupe keys held in memory (two per message with an engine id; about 160 bytes each). Past it
   * the window forgets its oldest keys early (evict-oldest, see {@link DedupeWindow}).
   */
  public static final int DEDUPE_KEYS_MAX = 200_000;

  /** The reason kept with a message committed to a webhook already marked dead. */
  public static final String DEAD_WEBHOOK_REASON = "webhook is dead";

  private final int queueMax;
  private final Duration dedupeWindow;

  /**
   * A policy that keeps at most {@code queueMax} messages pending and suppresses a repeat seen
   * within {@code dedupeWindow}. A zero window still suppresses a repeat within one batch.
   *
   * @throws IllegalArgumentException if {@code queueMax} is not positive or the window is negative
   */
  public SpoolPolicy(int queueMax, Duration dedupeWindow) {
    Objects.requireNonNull(dedupeWindow, "dedupeWindow");
    if (queueMax < 1) {
      throw new IllegalArgumentException("queueMax must be positive");
    }
    if (dedupeWindow.isNegative()) {
      throw new IllegalArgumentException("dedupeWindow must not be negative");
    }
    this.queueMax = queueMax;
    this.dedupeWindow = dedupeWindow;
  }

  /** The most messages kept pending; past it the oldest droppable ones go. */
  public int queueMax() {
    return queueMax;
  }

  /** How long a dedupe key suppresses a repeat. */
  public Duration dedupeWindow() {
    return dedupeWindow;
  }

  /** An empty window of seen keys for a spool to own: this policy's window, {@link #DEDUPE_KEYS_MAX} keys. */
  public DedupeWindow newDedupeWindow() {
    return new DedupeWindow(dedupeWindow, DEDUPE_KEYS_MAX);
  }

  /**
   * The keys under which a notification is remembered, in the order they are claimed: {@code
   * id:<engine id>} when the engine gave one (a repeat of the id is a duplicate whatever its
   * payload), then {@code h:<webhook id>:<payload hash>} (the same canonical payload to the same
   * webhook is a duplicate, whichever intake it came from). Spools persist these strings, so they
   * must not change between releases.
   */
  public static List<String> dedupeKeys(Notification n) {
    String byPayload = "h:" + n.webhook().id() + ":" + n.payloadHash();
    return n.engineId().isPresent() ? List.of("id:" + n.engineId().get(), byPayload) : List.of(byPayload);
  }

  /**
   * Places each notification of a batch, in order, claiming its keys in {@code keys} (the spool
   * applies them to its window only once the batch is durable). A notification is a {@link
   * Placement#DUPLICATE} as soon as one of its keys was seen within the window or earlier in the
   * batch; the keys it claimed before that stay claimed. A fresh one goes to {@link
   * Placement#DEAD_LETTER} when its webhook is in {@code deadWebhooks} (so it can be requeued with
   * the webhook and does not crowd live webhooks' queue), else {@link Placement#PENDING}.
   *
   * @param pendingBefore messages pending before this batch, of every webhook and intake
   * @return the placements and the excess over queue-max once the batch's pending ones are added
   */
  public Plan plan(List<Notification> batch, DedupeWindow.Staged keys, Set<String> deadWebhooks, int pendingBefore) {
    List<Placement> placements = new ArrayList<>(batch.size());
    int newPending = 0;
    for (Notification n : batch) {
      Placement p = isDuplicate(n, keys) ? Placement.DUPLICATE
          : deadWebhooks.contains(n.webhook().id()) ? Placement.DEAD_LETTER
          : Placement.PENDING;
      placements.add(p);
      newPending += p == Placement.PENDING ? 1 : 0;
    }
    return new Plan(placements, Math.max(0, pendingBefore + newPending - queueMax));
  }

  private static boolean isDuplicate(Notification n, DedupeWindow.Staged keys) {
    for (String key : dedupeKeys(n)) {
      if (!keys.claim(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Picks the pending messages that overflow drops: the first {@code excess} {@linkplain
   * #droppable droppable} ones of {@code pendingOldestFirst}, which it reads no further than it
   * needs. Fewer when not enough are droppable; the queue then stays past queue-max.
   *
   * @param pendingOldestFirst every pending message, in spool id (commit) order, including the
   *     batch just placed
   * @return the ids to drop, oldest first
   */
  public List<Long> dropOldest(int excess, Iterable<Pending> pendingOldestFirst) {
    if (excess <= 0) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>(Math.min(excess, 1024));
    for (Pending p : pendingOldestFirst) {
      if (droppable(p.intake())) {
        ids.add(p.id());
        if (ids.size() == excess) {
          break;
        }
      }
    }
    return Collections.unmodifiableList(ids);
  }

  /**
   * Whether overflow may drop a message that came in through {@code intake}: a ZeroMQ message,
   * yes (the engine fires and forgets, and SPEC bounds the queue by dropping the oldest); an HTTP
   * one, never, since its caller was told {@code 204} and the HTTP intake answers {@code 503}
   * rather than take a message past queue-max.
   */
  public static boolean droppable(Intake intake) {
    return intake == Intake.ZMQ;
  }

  /** Where a notification of a batch goes. */
  public enum Placement {
    /** Seen within the window: not stored, counted as a duplicate. */
    DUPLICATE,
    /** Stored pending, for its webhook's lane to claim. */
    PENDING,
    /** Stored as a dead letter ({@link #DEAD_WEBHOOK_REASON}): its webhook is marked dead. */
    DEAD_LETTER
  }

  /**
   * A batch's placements, in batch order, and by how many pending messages the queue would pass
   * queue-max once they are stored.
   */
  public record Plan(List<Placement> placements, int excess) {
    public Plan {
      placements = List.copyOf(placements);
      if (excess < 0) {
        throw new IllegalArgumentException("excess must not be negative");
      }
    }

    /** Notifications to store, pending or as dead letters. */
    public int stored() {
      return placements.size() - duplicates();
    }

    /** Notifications not stored because they were seen within the dedupe window. */
    public int duplicates() {
      return (int) placements.stream().filter(p -> p == Placement.DUPLICATE).count();
    }
  }

  /** A pending message as overflow sees it: its spool id and the intake it came from. */
  public record Pending(long id, Intake intake) {
    public Pending {
      Objects.requireNonNull(intake, "intake");
    }
  }
}
