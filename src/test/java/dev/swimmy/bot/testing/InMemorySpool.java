package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpooledMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link Spool} in memory that keeps the contract: per-webhook FIFO by sequence id, the states
 * pending / in flight / delivered / dead letter, dead webhooks that survive {@link #reopen()} (a
 * simulated restart, which returns in-flight messages to pending as opening SQLite does), release
 * counting an attempt, dedupe and the queue cap. Synchronized; good enough for tests and benchmarks.
 */
public final class InMemorySpool implements Spool {
  public enum State { PENDING, IN_FLIGHT, DELIVERED, DEAD }

  private static final class Row {
    final long id;
    final Notification n;
    State state = State.PENDING;
    int attempts;
    String reason;
    Instant deadAt;
    Instant deliveredAt;

    Row(long id, Notification n) {
      this.id = id;
      this.n = n;
    }

    SpooledMessage message() {
      return new SpooledMessage(id, n.webhook(), n.payloadJson(), n.createdAt(), n.receivedAt(), attempts);
    }
  }

  private int pendingLookups;
  private final TreeMap<Long, Row> rows = new TreeMap<>();
  private final Map<String, DeadWebhook> dead = new LinkedHashMap<>();
  private final Map<String, Instant> seenEngineIds = new HashMap<>();
  private final Map<String, Instant> seenPayloads = new HashMap<>();
  private final int queueMax;
  private final Duration dedupeWindow;
  private long nextId = 1;
  private int dropped;
  private int releases;

  public InMemorySpool() {
    this(100_000, Duration.ZERO);
  }

  public InMemorySpool(int queueMax, Duration dedupeWindow) {
    this.queueMax = queueMax;
    this.dedupeWindow = dedupeWindow;
  }

  @Override
  public synchronized CommitOutcome commit(List<Notification> batch, Instant now) {
    int queued = 0;
    int duplicates = 0;
    int droppedNow = 0;
    for (Notification n : batch) {
      if (isDuplicate(n, now)) {
        duplicates++;
        continue;
      }
      long id = nextId++;
      rows.put(id, new Row(id, n));
      queued++;
      while (count(State.PENDING) > queueMax) {
        rows.values().stream().filter(r -> r.state == State.PENDING).findFirst().ifPresent(r -> rows.remove(r.id));
        droppedNow++;
      }
    }
    dropped += droppedNow;
    return new CommitOutcome(queued, duplicates, droppedNow);
  }

  private boolean isDuplicate(Notification n, Instant now) {
    if (dedupeWindow.isZero()) {
      return false;
    }
    Instant cutoff = now.minus(dedupeWindow);
    if (n.engineId().isPresent()) {
      Instant seen = seenEngineIds.put(n.engineId().get(), now);
      if (seen != null && seen.isAfter(cutoff)) {
        return true;
      }
    }
    Instant seen = seenPayloads.put(n.webhook().id() + "\n" + n.payloadJson(), now);
    return seen != null && seen.isAfter(cutoff);
  }

  /** A convenience for tests: commits one notification received at {@code at}. */
  public synchronized long add(Notification n) {
    commit(List.of(n), n.receivedAt());
    return nextId - 1;
  }

  @Override
  public synchronized Set<String> webhooksWithPending() {
    pendingLookups++;
    Set<String> ids = new LinkedHashSet<>();
    for (Row r : rows.values()) {
      if (r.state == State.PENDING && !dead.containsKey(r.n.webhook().id())) {
        ids.add(r.n.webhook().id());
      }
    }
    return ids;
  }

  @Override
  public synchronized List<SpooledMessage> claim(String webhookId, int max) {
    List<SpooledMessage> out = new ArrayList<>();
    if (dead.containsKey(webhookId)) {
      return out;
    }
    for (Row r : rows.values()) {
      if (out.size() >= max) {
        break;
      }
      if (r.state == State.PENDING && r.n.webhook().id().equals(webhookId)) {
        r.state = State.IN_FLIGHT;
        out.add(r.message());
      }
    }
    return out;
  }

  @Override
  public synchronized void delivered(List<Long> ids, Instant at) {
    for (Long id : ids) {
      Row r = rows.get(id);
      if (r != null && r.state != State.DEAD) {
        r.state = State.DELIVERED;
        r.deliveredAt = at;
      }
    }
  }

  @Override
  public synchronized void release(List<Long> ids) {
    for (Long id : ids) {
      Row r = rows.get(id);
      if (r != null && r.state == State.IN_FLIGHT) {
        r.state = State.PENDING;
        r.attempts++;
        releases++;
      }
    }
  }

  @Override
  public synchronized void deadLetter(List<Long> ids, String reason, Instant at) {
    for (Long id : ids) {
      Row r = rows.get(id);
      if (r != null && r.state != State.DELIVERED) {
        r.state = State.DEAD;
        r.reason = reason;
        r.deadAt = at;
      }
    }
  }

  @Override
  public synchronized int markWebhookDead(String webhookId, String reason, Instant at) {
    dead.put(webhookId, new DeadWebhook(webhookId, reason, at));
    int n = 0;
    for (Row r : rows.values()) {
      if (r.state == State.PENDING && r.n.webhook().id().equals(webhookId)) {
        r.state = State.DEAD;
        r.reason = reason;
        r.deadAt = at;
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized List<DeadWebhook> deadWebhooks() {
    return List.copyOf(dead.values());
  }

  @Override
  public synchronized int requeueDeadLetters(Optional<String> webhookId) {
    int n = 0;
    for (Row r : rows.values()) {
      if (r.state == State.DEAD && webhookId.map(w -> w.equals(r.n.webhook().id())).orElse(true)) {
        r.state = State.PENDING;
        r.reason = null;
        n++;
      }
    }
    if (webhookId.isPresent()) {
      dead.remove(webhookId.get());
    } else {
      dead.clear();
    }
    return n;
  }

  @Override
  public synchronized int purgeDeadLetters(Optional<String> webhookId) {
    List<Long> gone = rows.values().stream()
        .filter(r -> r.state == State.DEAD && webhookId.map(w -> w.equals(r.n.webhook().id())).orElse(true))
        .map(r -> r.id).toList();
    gone.forEach(rows::remove);
    return gone.size();
  }

  @Override
  public synchronized List<DeadLetter> deadLetters(int max) {
    return rows.values().stream().filter(r -> r.state == State.DEAD)
        .sorted(Comparator.comparing((Row r) -> r.deadAt).thenComparing(r -> r.id)).limit(max)
        .map(r -> new DeadLetter(r.id, r.n.webhook().id(), r.reason, r.n.createdAt(), r.deadAt)).toList();
  }

  @Override
  public synchronized SpoolStats stats() {
    Optional<Instant> oldest = rows.values().stream()
        .filter(r -> r.state == State.PENDING || r.state == State.IN_FLIGHT)
        .map(r -> r.n.createdAt()).min(Comparator.naturalOrder());
    return new SpoolStats(count(State.PENDING), count(State.IN_FLIGHT), count(State.DEAD), dead.size(), oldest);
  }

  /** A restart: whatever was in flight goes back to pending, as opening the SQLite spool does. */
  public synchronized void reopen() {
    rows.values().stream().filter(r -> r.state == State.IN_FLIGHT).forEach(r -> r.state = State.PENDING);
  }

  public synchronized int count(State state) {
    return (int) rows.values().stream().filter(r -> r.state == state).count();
  }

  public synchronized int pending() {
    return count(State.PENDING);
  }

  public synchronized int inFlight() {
    return count(State.IN_FLIGHT);
  }

  public synchronized int deliveredCount() {
    return count(State.DELIVERED);
  }

  public synchronized int deadLetterCount() {
    return count(State.DEAD);
  }

  /** Messages neither delivered nor dead-lettered: what a restart must still send. */
  /** How many times the sender asked which webhooks have pending work (each poll asks once). */
  public synchronized int pendingLookups() {
    return pendingLookups;
  }

  public synchronized int undelivered() {
    return count(State.PENDING) + count(State.IN_FLIGHT);
  }

  public synchronized int releases() {
    return releases;
  }

  public synchronized int dropped() {
    return dropped;
  }

  @Override
  public void close() {}
}
