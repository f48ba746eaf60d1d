package dev.swimmy.bot.edge.spool;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.DedupeWindow;
import dev.swimmy.bot.core.relay.Intake;
import dev.swimmy.bot.core.relay.MessageExtras;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolPolicy;
import dev.swimmy.bot.core.relay.SpoolPolicy.Placement;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.SpooledMessage;
import dev.swimmy.bot.core.relay.WebhookAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Spool} in one SQLite file: WAL journal, {@code synchronous=FULL}, one connection,
 * every method holding the object's lock, so there is a single writer.
 *
 * <h2>Crash contract</h2>
 *
 * <ul>
 *   <li><b>Committed when:</b> {@link #commit} returns only after SQLite's COMMIT, which with WAL
 *       and {@code synchronous=FULL} has fsynced the WAL: the batch survives a process kill and a
 *       power cut. A batch is all or nothing, in order; a message is queued only then.
 *   <li><b>Crash before COMMIT:</b> the whole batch is gone and was never reported as queued
 *       (intake had not acknowledged it; ZeroMQ PUSH/PULL has no ack, so frames received but not
 *       yet committed are the only loss a kill can cause, bounded by the batches intake holds
 *       between its PULL and writer threads, at most 4 x 500 frames, plus the receive high-water
 *       mark and the kernel's socket buffer; see {@code PullLoop} and {@code SpoolWriter}). Proven by {@code RelayCrashTest} (SIGKILL of a child JVM mid-burst).
 *   <li><b>Crash with messages in flight:</b> opening the spool returns them to pending, so they
 *       are sent again: the only duplicates a crash can cause. Proven by {@code
 *       SpoolContract.inFlightMessages_arePendingAgainAfterARestart}, run on a real file by {@code
 *       SqliteSpoolContractTest}.
 *   <li><b>Dedupe keys</b> are rows appended in the same transaction as the message, so dedupe
 *       survives restarts ({@code SpoolContract.dedupe_survivesARestart}). Duplicates are decided
 *       against an in-memory {@link DedupeWindow} loaded from those rows on open; a batch's keys
 *       join it only after its COMMIT returned, so a rolled-back batch claims nothing. The window
 *       holds at most {@link SpoolPolicy#DEDUPE_KEYS_MAX} keys (evict-oldest; past that a repeat of
 *       the oldest messages within the window would be queued again).
 *   <li><b>Cannot write</b> (disk full, read-only, I/O error): the transaction is rolled back, the
 *       method throws {@link SpoolUnavailableException}, the failure is counted and logged at most
 *       once a minute; nothing changed. Proven by {@code SqliteSpoolTest} with a page limit.
 * </ul>
 *
 * <p>What a commit does (the dedupe keys, where a message to a dead webhook goes, which pending
 * messages overflow drops) is decided by {@link SpoolPolicy}; this class only stores the outcome,
 * so it keeps the same contract as the in-memory spool ({@code SpoolContract}).
 *
 * <p>The file holds webhook tokens, the only place they are stored, so it is created owner-only
 * (0600); SQLite gives its {@code -wal} and {@code -shm} files the same mode. Delivered rows are
 * kept for {@link Settings#deliveredRetention()} and then deleted; dedupe keys past the window
 * likewise.
 */
public final class SqliteSpool implements Spool {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteSpool.class);
  private static final int SCHEMA_VERSION = 3;
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
  private static final Duration LOG_EVERY = Duration.ofMinutes(1);

  /** Bounds and retention; {@code maxBytes} 0 means only the disk limits the file. */
  public record Settings(int queueMax, Duration dedupeWindow, Duration deliveredRetention, long maxBytes) {
    public Settings {
      if (queueMax < 1) {
        throw new IllegalArgumentException("queueMax must be positive");
      }
    }

    public static Settings of(int queueMax, Duration dedupeWindow) {
      return new Settings(queueMax, dedupeWindow, Duration.ofMinutes(10), 0);
    }
  }

  private final Path file;
  private final Settings settings;
  private final SpoolPolicy policy;
  private final Clock clock;
  private final Runnable onFailure;
  private final Connection db;
  private final Statements sql;
  /** Read without the lock by {@link #isDead} (the HTTP intake asks on every request). */
  private final Set<String> deadWebhookIds = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final DedupeWindow dedupe;
  /** Written under the lock, read without it by {@link #pendingCount}. */
  private volatile int pending;
  private Instant lastPrune = Instant.EPOCH;
  private Instant lastFailureLog;
  private boolean failing;

  private SqliteSpool(Path file, Settings settings, Clock clock, Runnable onFailure, Connection db)
      throws SQLException {
    this.file = file;
    this.settings = settings;
    this.policy = new SpoolPolicy(settings.queueMax(), settings.dedupeWindow());
    this.clock = clock;
    this.onFailure = onFailure;
    this.db = db;
    this.sql = new Statements(db);
    this.dedupe = policy.newDedupeWindow();
  }

  /**
   * Opens (creating if needed) the spool at {@code file}; anything left in flight becomes pending.
   * {@code onFailure} is called once per failed operation (the metrics counter).
   */
  public static SqliteSpool open(Path file, Settings settings, Clock clock, Runnable onFailure)
      throws SpoolUnavailableException {
    Connection db = null;
    try {
      createOwnerOnly(file);
      db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      SpoolSchema.prepare(db, SCHEMA_VERSION, settings.maxBytes());
      SqliteSpool spool = new SqliteSpool(file, settings, clock, onFailure, db);
      spool.recover();
      return spool;
    } catch (SQLException | UncheckedIOException e) {
      closeQuietly(db);
      throw new SpoolUnavailableException("cannot open the spool at " + file + ": " + e.getMessage(), e);
    }
  }

  private static void createOwnerOnly(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
      Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
      if (!Files.exists(file)) {
        if (posix) {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
          Files.createFile(file);
        }
      } else if (posix) {
        Files.setPosixFilePermissions(file, ownerOnly);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void recover() throws SQLException {
    try (Statement st = db.createStatement()) {
      int back = st.executeUpdate("UPDATE messages SET state = 'pending' WHERE state = 'in_flight'");
      if (back > 0) {
        LOG.info("spool {}: {} messages left in flight by the last run are pending again", file, back);
      }
      try (ResultSet rs = st.executeQuery("SELECT webhook_id FROM dead_webhooks")) {
        while (rs.next()) {
          deadWebhookIds.add(rs.getString(1));
        }
      }
      // The table holds the window (pruned every minute); commits decide against its expiry.
      try (ResultSet rs = st.executeQuery("SELECT key, seen_at FROM dedupe_keys ORDER BY seen_at, rowid")) {
        while (rs.next()) {
          dedupe.load(rs.getString(1), rs.getLong(2));
        }
      }
    }
    pending = countPending();
  }

  @Override
  public CommitOutcome commit(List<Notification> batch, Instant now) throws SpoolUnavailableException {
    return commitWithIds(batch, now).outcome();
  }

  /**
   * Commits as {@link #commit} does, placing and dropping as {@link SpoolPolicy} says. Ids of one
   * commit are consecutive (one connection, one transaction, AUTOINCREMENT), so they are read back
   * from {@code last_insert_rowid()}. Duplicates are decided in memory; the keys a batch claims are
   * written with it and join the window after COMMIT.
   */
  @Override
  public synchronized Committed commitWithIds(List<Notification> batch, Instant now) throws SpoolUnavailableException {
    if (batch.isEmpty()) {
      return new Committed(new CommitOutcome(0, 0, 0), List.of());
    }
    return write("commit", () -> {
      DedupeWindow.Staged keys = dedupe.stage(now, 2 * batch.size());
      SpoolPolicy.Plan plan = policy.plan(batch, keys, deadWebhookIds, pending);
      long lastId = sql.insertMessages(batch, plan.placements(), now);
      sql.insertDedupeKeys(keys.keys(), keys.now());
      int dropped = plan.excess() == 0 ? 0 : sql.drop(sql.pendingOldestFirst(c -> policy.dropOldest(plan.excess(), c)));
      pruneIfDue(now);
      endTransaction();
      keys.apply();
      int newPending = (int) plan.placements().stream().filter(p -> p == Placement.PENDING).count();
      pending += newPending - dropped;
      CommitOutcome outcome = new CommitOutcome(plan.stored(), plan.duplicates(), dropped);
      return new Committed(outcome, ids(plan, lastId));
    });
  }

  /** Each notification's id in batch order: stored ones got consecutive ids ending at {@code lastId}. */
  private static List<Long> ids(SpoolPolicy.Plan plan, long lastId) {
    List<Long> ids = new ArrayList<>(plan.placements().size());
    long next = lastId - plan.stored() + 1;
    for (Placement p : plan.placements()) {
      ids.add(p == Placement.DUPLICATE ? 0L : next++);
    }
    return ids;
  }

  @Override
  public boolean isDead(String webhookId) {
    return deadWebhookIds.contains(webhookId);
  }

  @Override
  public int pendingCount() {
    return pending;
  }

  private void pruneIfDue(Instant now) throws SQLException {
    if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
      return;
    }
    sql.prune(now.minus(settings.dedupeWindow()), now.minus(settings.deliveredRetention()));
    lastPrune = now;
  }

  @Override
  public synchronized Set<String> webhooksWithPending() throws SpoolUnavailableException {
    return read("webhooksWithPending", () -> {
      Set<String> ids = new LinkedHashSet<>(sql.webhooksWithPending());
      ids.removeAll(deadWebhookIds);
      return ids;
    });
  }

  @Override
  public synchronized Map<String, Integer> queuedByWebhook() throws SpoolUnavailableException {
    return read("queuedByWebhook", sql::queuedByWebhook);
  }

  @Override
  public synchronized List<SpooledMessage> claim(String webhookId, int max) throws SpoolUnavailableException {
    if (max < 1 || deadWebhookIds.contains(webhookId)) {
      return List.of();
    }
    return write("claim", () -> {
      List<SpooledMessage> claimed = sql.withAttachments(sql.oldestPending(webhookId, max));
      for (SpooledMessage m : claimed) {
        sql.setState(m.id(), "pending", "in_flight");
      }
      endTransaction();
      pending -= claimed.size();
      return claimed;
    });
  }

  @Override
  public synchronized void delivered(List<Long> ids, Instant at) throws SpoolUnavailableException {
    write("delivered", () -> {
      for (long id : ids) {
        sql.markDelivered(id, at);
      }
      pruneIfDue(at);
      endTransaction();
      return null;
    });
  }

  @Override
  public synchronized void release(List<Long> ids) throws SpoolUnavailableException {
    write("release", () -> {
      int back = 0;
      for (long id : ids) {
        back += sql.release(id);
      }
      endTransaction();
      pending += back;
      return null;
    });
  }

  @Override
  public synchronized void deadLetter(List<Long> ids, String reason, Instant at) throws SpoolUnavailableException {
    write("deadLetter", () -> {
      for (long id : ids) {
        sql.deadLetter(id, reason, at);
      }
      endTransaction();
      pending = countPending();
      return null;
    });
  }

  @Override
  public synchronized int markWebhookDead(String webhookId, String reason, Instant at) throws SpoolUnavailableException {
    int moved = write("markWebhookDead", () -> {
      int n = sql.markWebhookDead(webhookId, reason, at);
      endTransaction();
      pending = countPending();
      return n;
    });
    deadWebhookIds.add(webhookId);
    return moved;
  }

  @Override
  public synchronized List<DeadWebhook> deadWebhooks() throws SpoolUnavailableException {
    return read("deadWebhooks", sql::deadWebhooks);
  }

  @Override
  public synchronized int requeueDeadLetters(Optional<String> webhookId) throws SpoolUnavailableException {
    int requeued = write("requeueDeadLetters", () -> {
      int n = sql.requeue(webhookId);
      endTransaction();
      pending = countPending();
      return n;
    });
    webhookId.ifPresentOrElse(deadWebhookIds::remove, deadWebhookIds::clear);
    return requeued;
  }

  @Override
  public synchronized int purgeDeadLetters(Optional<String> webhookId) throws SpoolUnavailableException {
    return write("purgeDeadLetters", () -> {
      int n = sql.purge(webhookId);
      endTransaction();
      return n;
    });
  }

  @Override
  public synchronized List<DeadLetter> deadLetters(int max) throws SpoolUnavailableException {
    return read("deadLetters", () -> sql.deadLetters(max));
  }

  @Override
  public synchronized SpoolStats stats() throws SpoolUnavailableException {
    return read("stats", () -> sql.stats(deadWebhookIds.size()));
  }

  /** True unless the last operation failed; for a health gauge. */
  public synchronized boolean available() {
    return !failing;
  }

  @Override
  public synchronized void close() {
    closeQuietly(db);
  }

  /**
   * Runs {@code work} on the spool's connection under its lock, in one transaction when it {@code
   * writes}, so that the alert episodes kept in this file ({@link SqliteEpisodeStore}) share the
   * spool's single writer. Failures are the spool's, counted and logged as any other.
   */
  synchronized <T> T onConnection(String what, boolean writes, SqliteEpisodeStore.SqlWork<T> work)
      throws SpoolUnavailableException {
    if (!writes) {
      return read(what, () -> work.run(db));
    }
    return write(what, () -> {
      T result = work.run(db);
      endTransaction();
      return result;
    });
  }

  private int countPending() throws SQLException {
    return sql.countPending();
  }

  private interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} in one IMMEDIATE transaction, which the work ends with {@link #endTransaction}. */
  private <T> T write(String what, Work<T> work) throws SpoolUnavailableException {
    try {
      try (Statement st = db.createStatement()) {
        st.execute("BEGIN IMMEDIATE");
      }
      T result = work.run();
      recovered();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      throw failed(what, e);
    }
  }

  private <T> T read(String what, Work<T> work) throws SpoolUnavailableException {
    try {
      return work.run();
    } catch (SQLException e) {
      rollbackQuietly();
      throw failed(what, e);
    }
  }

  private SpoolUnavailableException failed(String what, Exception e) {
    failing = true;
    onFailure.run();
    Instant now = clock.instant();
    if (lastFailureLog == null || Duration.between(lastFailureLog, now).compareTo(LOG_EVERY) >= 0) {
      LOG.error("spool {} cannot {} ({}); intake rejects frames as spool_unavailable until it can "
          + "(logged at most once a minute)", file, what, e.getMessage());
      lastFailureLog = now;
    }
    try {
      // A failed statement may leave SQLite's view of the count stale; re-read it if we can.
      pending = countPending();
    } catch (SQLException ignored) {
      // Still failing: keep the last known count.
    }
    return new SpoolUnavailableException("spool " + what + " failed: " + e.getMessage(), e);
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("spool {} is writable again", file);
    }
  }

  /** COMMIT: with WAL and synchronous=FULL it returns after the WAL is fsynced. */
  private void endTransaction() throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("COMMIT");
    }
  }

  private void rollbackQuietly() {
    try (Statement st = db.createStatement()) {
      st.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // Either SQLite already rolled back on its own (it does on SQLITE_FULL) or the connection
      // is broken, which its next use will report.
    }
  }

  private static void closeQuietly(Connection db) {
    if (db == null) {
      return;
    }
    try {
      db.close();
    } catch (SQLException e) {
      LOG.warn("closing the spool: {}", e.getMessage());
    }
  }

  static SpooledMessage message(ResultSet rs) throws SQLException {
    WebhookAddress webhook = new WebhookAddress(rs.getString("webhook_id"), new Secret(rs.getString("token")));
    return new SpooledMessage(
        rs.getLong("id"),
        webhook,
        rs.getString("payload"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("received_at")),
        rs.getInt("attempts"),
        extras(rs));
  }

  /** The intake and thread of a row; its files are read by {@link Statements#withAttachments}. */
  private static MessageExtras extras(ResultSet rs) throws SQLException {
    Intake intake = Intake.ofLabel(rs.getString("intake"));
    Optional<String> thread = Optional.ofNullable(rs.getString("thread_id"));
    return intake == Intake.ZMQ && thread.isEmpty() ? MessageExtras.ZMQ : new MessageExtras(intake, thread, List.of());
  }

  static List<SpooledMessage> messages(PreparedStatement ps) throws SQLException {
    List<SpooledMessage> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(message(rs));
      }
    }
    return out;
  }
}
