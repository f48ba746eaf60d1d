package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.relay.DedupeWindow;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolPolicy;
import dev.swimmy.bot.core.relay.SpoolPolicy.Placement;
import dev.swimmy.bot.core.relay.SpooledMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link Spool} in memory that keeps the same contract as the SQLite one ({@code SpoolContract}
 * runs against both): per-webhook FIFO by sequence id, the states pending / in flight / delivered /
 * dead letter, dead webhooks that survive {@link #reopen()} (a simulated restart, which returns
 * in-flight messages to pending as opening SQLite does), release counting an attempt. Dedupe,
 * dead-webhook routing and overflow are decided by {@link SpoolPolicy}, as in the SQLite spool.
 * Delivered messages are kept (never pruned) so tests can count them. Synchronized; good enough for
 * tests and benchmarks.
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
      return new SpooledMessage(id, n.webhook(), n.payloadJson(), n.createdAt(), n.receivedAt(), attempts, n.extras());
    }

    boolean of(String webhookId) {
      return n.webhook().id().equals(webhookId);
    }
  }

  private int pendingLookups;
  private final TreeMap<Long, Row> rows = new TreeMap<>();
  private final Map<String, DeadWebhook> dead = new LinkedHashMap<>();
  private final SpoolPolicy policy;
  private final DedupeWindow dedupe;
  private long nextId = 1;
  private int dropped;
  private int releases;

  public InMemorySpool() {
    this(100_000, Duration.ZERO);
  }

  /** A spool of {@code queueMax} pending messages that suppresses repeats within {@code dedupeWindow}. */
  public InMemorySpool(int queueMax, Duration dedupeWindow) {
    this.policy = new SpoolPolicy(queueMax, dedupeWindow);
    this.dedupe = policy.newDedupeWindow();
  }

  @Override
  public CommitOutcome commit(List<Notification> batch, Instant now) {
    return commitWithIds(batch, now).outcome();
  }

  @Override
  public synchronized Committed commitWithIds(List<Notification> batch, Instant now) {
    DedupeWindow.Staged keys = dedupe.stage(now);
    SpoolPolicy.Plan plan = policy.plan(batch, keys, dead.keySet(), count(State.PENDING));
    List<Long> ids = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Placement p = plan.placements().get(i);
      if (p == Placement.DUPLICATE) {
        ids.add(0L);
        continue;
      }
      Row r = new Row(nextId++, batch.get(i));
      if (p == Placement.DEAD_LETTER) {
        r.state = State.DEAD;
        r.reason = SpoolPolicy.DEAD_WEBHOOK_REASON;
        r.deadAt = now;
      }
      rows.put(r.id, r);
      ids.add(r.id);
    }
    List<Long> drop = policy.dropOldest(plan.excess(), rows.values().stream()
        .filter(r -> r.state == State.PENDING).map(r -> new SpoolPolicy.Pending(r.id, r.n.extras().intake()))::iterator);
    drop.forEach(rows::remove);
    keys.apply();
    dropped += drop.size();
    return new Committed(new CommitOutcome(plan.stored(), plan.duplicates(), drop.size()), ids);
  }

  /** A convenience for tests: commits one notification at its receive time; its id, 0 if a duplicate. */
  public synchronized long add(Notification n) {
    return commitWithIds(List.of(n), n.receivedAt()).ids().get(0);
  }

  @Override
  public synchronized boolean isDead(String webhookId) {
    return dead.containsKey(webhookId);
  }

  @Override
  public synchronized Map<String, Integer> queuedByWebhook() {
    Map<String, Integer> out = new TreeMap<>();
    for (Row r : rows.values()) {
      if (r.state == State.PENDING || r.state == State.IN_FLIGHT) {
        out.merge(r.n.webhook().id(), 1, Integer::sum);
      }
    }
    return out;
  }

  @Override
  public synchronized Set<String> webhooksWithPending() {
    pendingLookups++;
    Set<String> ids = new TreeSet<>();
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
      if (r.state == State.PENDING && r.of(webhookId)) {
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
      if (r != null && r.state == State.IN_FLIGHT) {
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
      if (r != null && (r.state == State.PENDING || r.state == State.IN_FLIGHT)) {
        r.state = State.DEAD;
        r.reason = reason;
        r.deadAt = at;
      }
    }
  }

  @Override
  public synchronized int markWebhookDead(String webhookId, String reason, Instant at) {
    Instant since = dead.containsKey(webhookId) ? dead.get(webhookId).since() : at;
    dead.put(webhookId, new DeadWebhook(webhookId, reason, since));
    int n = 0;
    for (Row r : rows.values()) {
      if (r.state == State.PENDING && r.of(webhookId)) {
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
    return dead.values().stream()
        .sorted(Comparator.comparing(DeadWebhook::since).thenComparing(DeadWebhook::webhookId)).toList();
  }

  @Override
  public synchronized int requeueDeadLetters(Optional<String> webhookId) {
    int n = 0;
    for (Row r : rows.values()) {
      if (r.state == State.DEAD && webhookId.map(r::of).orElse(true)) {
        r.state = State.PENDING;
        r.reason = null;
        r.deadAt = null;
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
        .filter(r -> r.state == State.DEAD && webhookId.map(r::of).orElse(true))
        .map(r -> r.id).toList();
    gone.forEach(rows::remove);
    return gone.size();
  }

  @Override
  public synchronized List<DeadLetter> deadLetters(int max) {
    return rows.values().stream().filter(r -> r.state == State.DEAD).limit(max)
        .map(r -> new DeadLetter(r.id, r.n.webhook().id(), r.reason, r.n.createdAt(), r.deadAt)).toList();
  }

  @Override
  public synchronized SpoolStats stats() {
    Optional<Instant> oldest = rows.values().stream()
        .filter(r -> r.state == State.PENDING)
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

  /** How many times the lanes asked which webhooks have pending work (each poll asks once). */
  public synchronized int pendingLookups() {
    return pendingLookups;
  }

  /** Messages neither delivered nor dead-lettered: what a restart must still send. */
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
