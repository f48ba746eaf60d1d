package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dedupe keys seen within the window, in memory, oldest first, so a commit decides duplicates
 * without reading the spool. A spool stages a batch's keys ({@link #stage}) and applies them only
 * once its transaction has committed, so a rolled-back batch leaves the window as it was.
 *
 * <p>Bounded: at most {@code capacity} keys. Overflow policy <b>evict-oldest</b>: past the
 * capacity the oldest key is forgotten before its window ends (counted in {@link #evicted()}), so
 * a repeat of that one message would be queued again. Not thread-safe; the spool's lock guards it.
 */
public final class DedupeWindow {
  private final long windowMillis;
  private final int capacity;
  private final LinkedHashMap<String, Long> seenAt = new LinkedHashMap<>();
  private long evicted;

  /**
   * @param window how long a key makes a repeat a duplicate (millisecond precision)
   * @param capacity the most keys remembered; positive
   * @throws IllegalArgumentException if {@code capacity} is not positive
   */
  public DedupeWindow(Duration window, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.windowMillis = window.toMillis();
    this.capacity = capacity;
  }

  /** Adds a key read back from storage (oldest first), as on open. */
  public void load(String key, long seenAtMillis) {
    seenAt.remove(key);
    seenAt.put(key, seenAtMillis);
    evictOverflow();
  }

  /** Starts deciding one batch committed at {@code now}. */
  public Staged stage(Instant now) {
    return stage(now, 16);
  }

  /** As {@link #stage(Instant)}, sized for about {@code expectedKeys} claims. */
  public Staged stage(Instant now, int expectedKeys) {
    return new Staged(now.toEpochMilli(), expectedKeys);
  }

  /** How many keys the window holds now (at most {@code capacity}). */
  public int size() {
    return seenAt.size();
  }

  /** Keys forgotten early by the evict-oldest overflow policy. */
  public long evicted() {
    return evicted;
  }

  private void evictOverflow() {
    Iterator<Map.Entry<String, Long>> oldest = seenAt.entrySet().iterator();
    while (seenAt.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
      evicted++;
    }
  }

  /** The keys one batch claims; nothing changes in the window until {@link #apply}. */
  public final class Staged {
    private final long now;
    private final Map<String, Long> claimed;

    private Staged(long now, int expectedKeys) {
      this.now = now;
      this.claimed = new LinkedHashMap<>(Math.max(16, expectedKeys * 4 / 3 + 1));
    }

    /** Claims {@code key}: false if it was seen within the window (a duplicate). */
    public boolean claim(String key) {
      Long seen = seenAt.get(key);
      if (seen != null && seen > now - windowMillis) {
        return false;
      }
      return claimed.putIfAbsent(key, now) == null;
    }

    /** The keys claimed so far, to be written with the batch. */
    public Iterable<String> keys() {
      return claimed.keySet();
    }

    /** The batch's commit time, in epoch milliseconds. */
    public long now() {
      return now;
    }

    /** The batch committed: its keys join the window, and keys past the window leave it. */
    public void apply() {
      for (String key : claimed.keySet()) {
        // A key seen before (its window over) moves to the end, keeping the map oldest first.
        if (seenAt.putIfAbsent(key, now) != null) {
          seenAt.remove(key);
          seenAt.put(key, now);
        }
      }
      Iterator<Long> oldest = seenAt.values().iterator();
      while (oldest.hasNext() && oldest.next() <= now - windowMillis) {
        oldest.remove();
      }
      evictOverflow();
    }
  }
}
