package dev.swimmy.bot.edge.history;

import dev.swimmy.bot.core.history.HistoryReader;
import dev.swimmy.bot.core.history.Interval;
import dev.swimmy.bot.core.history.Point;
import dev.swimmy.bot.core.history.RelayMinute;
import dev.swimmy.bot.core.history.Retention;
import dev.swimmy.bot.core.history.SourceChange;
import dev.swimmy.bot.core.history.StatusVersion;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.SourceState;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's history in its own SQLite file (beside the spool, WAL): each distinct live-status
 * version, each change of the live-status source's state, and each minute of relay figures: its
 * totals in {@code relay_minute}, and each lane active during it in {@code relay_lane_minute} (one row
 * a lane a minute, keyed by webhook id; lanes that neither delivered nor failed write nothing).
 *
 * <p><b>Writing never waits.</b> The {@code record*} methods only offer to a bounded queue
 * ({@link #QUEUE_CAPACITY}); one thread, {@code swimmy-history}, writes it in batches, one
 * transaction each, and prunes. A full queue drops the new item and counts it ({@link
 * #overflows()}; policy {@code drop-newest}): the history is a picture, intake and rendering must
 * never stall for it. Reads use their own connection, so a chart never waits on a write (WAL).
 *
 * <p><b>Bounded.</b> Every {@link #PRUNE_EVERY} (and at open) rows older than the retention are
 * deleted and each table is cut to the row cap, oldest first ({@link Retention#OVERFLOW_POLICY});
 * {@code relay_lane_minute} loses whole minutes, so it may go a minute's lanes below the cap.
 *
 * <p><b>Crash contract.</b> A batch is committed whole or not at all; a crash loses at most the
 * queued items not yet written (the history is not durable per item: {@code synchronous=NORMAL}).
 * A restart opens the same file and keeps everything committed ({@code SqliteHistoryTest}).
 */
public final class SqliteHistory implements HistoryReader, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteHistory.class);
  public static final String THREAD_NAME = "swimmy-history";
  public static final int QUEUE_CAPACITY = 10_000;
  public static final Duration PRUNE_EVERY = Duration.ofHours(1);
  private static final int BATCH = 512;
  /** Still 1: {@code relay_lane_minute} was added with CREATE IF NOT EXISTS, older files open as they are. */
  private static final int SCHEMA_VERSION = 1;

  private final Path file;
  private final Retention retention;
  private final Clock clock;
  private final Connection writer;
  private final Connection reader;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicLong overflows = new AtomicLong();
  private final AtomicLong writeFailures = new AtomicLong();
  /**
   * Bumped after each batch of rows written and each prune that deleted rows, so the charts redraw
   * only when the rows may have changed (a flush alone or an empty prune leaves it).
   */
  private final AtomicLong version = new AtomicLong();
  private final Thread thread;
  /** Guards {@link #writer}; never held by a {@code record*} caller. */
  private final Object writerLock = new Object();
  private volatile boolean closing;
  private Instant lastVersion;
  private SourceState lastState;
  private Instant nextPrune;
  private volatile java.util.function.Supplier<RelayMinute.Counters> relay;
  private RelayMinute.Counters lastCounters;
  private Instant nextSample;

  private record Flush(CountDownLatch done) {}

  private SqliteHistory(Path file, Retention retention, Clock clock, Connection writer, Connection reader)
      throws SQLException {
    this.file = file;
    this.retention = retention;
    this.clock = clock;
    this.writer = writer;
    this.reader = reader;
    this.lastVersion = lastVersionAt();
    this.lastState = lastStateRecorded();
    this.nextPrune = clock.instant();
    this.thread = new Thread(this::run, THREAD_NAME);
    thread.setDaemon(true);
  }

  /**
   * Opens (creating if needed) the history at {@code file} and starts its writer thread.
   *
   * @throws SQLException when the file cannot be opened as a history (the daemon then runs
   *     without charts)
   */
  public static SqliteHistory open(Path file, Retention retention, Clock clock) throws SQLException {
    Connection w = null;
    Connection r = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      w = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      prepare(w);
      r = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement st = r.createStatement()) {
        st.execute("PRAGMA busy_timeout = 5000");
        st.execute("PRAGMA query_only = true");
      }
      SqliteHistory h = new SqliteHistory(file, retention, clock, w, r);
      h.thread.start();
      return h;
    } catch (SQLException | java.io.IOException e) {
      close(r);
      close(w);
      throw e instanceof SQLException s ? s
          : new SQLException("cannot create the history's folder for " + file + ": " + e.getMessage(), e);
    }
  }

  private static void prepare(Connection db) throws SQLException {
    try (Statement st = db.createStatement()) {
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA synchronous = NORMAL");
      st.execute("PRAGMA busy_timeout = 5000");
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw new SQLException("the history file has schema " + version + ", newer than this bot's "
            + SCHEMA_VERSION);
      }
      st.execute("CREATE TABLE IF NOT EXISTS status_version (at_ms INTEGER PRIMARY KEY, daily_pnl REAL,"
          + " accumulated_pnl REAL, monthly_goal REAL, goal_progress REAL, regime TEXT, volatility TEXT,"
          + " danger_level INTEGER, trades INTEGER)");
      st.execute("CREATE TABLE IF NOT EXISTS source_change (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL,"
          + " state TEXT NOT NULL)");
      st.execute("CREATE INDEX IF NOT EXISTS source_change_at ON source_change (at_ms)");
      st.execute("CREATE TABLE IF NOT EXISTS relay_minute (minute_ms INTEGER PRIMARY KEY, delivered INTEGER"
          + " NOT NULL, failed INTEGER NOT NULL, queue_len INTEGER NOT NULL, p95_ms INTEGER)");
      st.execute("CREATE TABLE IF NOT EXISTS relay_lane_minute (minute_ms INTEGER NOT NULL, lane TEXT NOT NULL,"
          + " delivered INTEGER NOT NULL, failed INTEGER NOT NULL, p95_ms INTEGER, queued INTEGER NOT NULL DEFAULT 0,"
          + " PRIMARY KEY (minute_ms, lane)) WITHOUT ROWID");
      boolean hasQueued = false;
      try (ResultSet cols = st.executeQuery("PRAGMA table_info(relay_lane_minute)")) {
        while (cols.next()) {
          hasQueued |= "queued".equals(cols.getString("name"));
        }
      }
      if (!hasQueued) { // a file from before lanes had a queue length: the column is added, old rows read 0
        st.execute("ALTER TABLE relay_lane_minute ADD COLUMN queued INTEGER NOT NULL DEFAULT 0");
      }
      st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
    }
  }

  // ---- recording: never blocks ----

  /**
   * Records what a live-status report brings: its version when it is a new one, and its state
   * when that changed. Cheap and non-blocking; call it on every read of the live status.
   */
  public void observe(SourceReport liveStatus) {
    StatusVersion.in(liveStatus).ifPresent(this::recordVersion);
    recordSourceState(liveStatus.now(), liveStatus.state());
  }

  /** Queues a live-status version unless it is the one recorded last. */
  public void recordVersion(StatusVersion v) {
    synchronized (this) {
      if (v.at().equals(lastVersion)) {
        return;
      }
      lastVersion = v.at();
    }
    offer(v);
  }

  /** Queues a change of the live-status source's state; the same state again is not a change. */
  public void recordSourceState(Instant at, SourceState state) {
    synchronized (this) {
      if (state == lastState) {
        return;
      }
      lastState = state;
    }
    offer(new SourceChange(at, state));
  }

  /** Queues one relay minute (a second one for the same minute replaces it). */
  public void recordRelayMinute(RelayMinute m) {
    offer(m);
  }

  private void offer(Object item) {
    if (closing || !queue.offer(item)) {
      long n = overflows.incrementAndGet();
      if (Long.bitCount(n) == 1) { // 1, 2, 4, 8...: a storm of drops logs a few lines, not thousands
        LOG.warn("history queue full or closed: {} item(s) dropped so far (policy drop-newest)", n);
      }
    }
  }

  /**
   * Samples the relay's counters at each whole minute on the writer thread and records the minute
   * ({@link RelayMinute#between}). The supplier must be quick and never block for long (it reads
   * in-memory counters); a sample that throws is skipped and logged.
   */
  public void sampleRelay(java.util.function.Supplier<RelayMinute.Counters> counters) {
    this.relay = counters;
  }

  private void sampleIfDue() {
    java.util.function.Supplier<RelayMinute.Counters> r = relay;
    Instant now = clock.instant();
    if (r == null || (nextSample != null && now.isBefore(nextSample))) {
      return;
    }
    nextSample = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
    try {
      RelayMinute.Counters c = r.get();
      write(List.of(RelayMinute.between(lastCounters, c))); // the first: everything since start
      lastCounters = c;
    } catch (RuntimeException e) {
      LOG.warn("history: relay sample failed (skipped): {}", e.toString());
    }
  }

  /** Items dropped because the queue was full (or the store closing). */
  public long overflows() {
    return overflows.get();
  }

  /** Batches that could not be written (logged each time; the items are lost). */
  public long writeFailures() {
    return writeFailures.get();
  }

  /** Waits up to {@code timeout} for everything queued so far to be written; false on timeout. */
  public boolean flush(Duration timeout) throws InterruptedException {
    Flush f = new Flush(new CountDownLatch(1));
    long deadline = System.nanoTime() + timeout.toNanos();
    if (!queue.offer(f, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return false;
    }
    return f.done().await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  // ---- the writer thread ----

  private void run() {
    List<Object> batch = new ArrayList<>(BATCH);
    while (true) {
      try {
        long wait = Math.max(1, Duration.between(clock.instant(), nextPrune).toMillis());
        Object first = queue.poll(Math.min(wait, 200), TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
          write(batch);
          batch.clear();
        } else if (closing) {
          return;
        }
        sampleIfDue();
        if (!clock.instant().isBefore(nextPrune)) {
          pruneNow();
          nextPrune = clock.instant().plus(PRUNE_EVERY);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("history writer: unexpected error (it goes on)", e);
        batch.clear();
      }
    }
  }

  private void write(List<Object> batch) {
    synchronized (writerLock) {
      writeLocked(batch);
    }
  }

  private void writeLocked(List<Object> batch) {
    try {
      writer.setAutoCommit(false);
      try (PreparedStatement v = writer.prepareStatement("INSERT OR IGNORE INTO status_version VALUES"
              + " (?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement c = writer.prepareStatement("INSERT INTO source_change (at_ms, state) VALUES (?, ?)");
          PreparedStatement m = writer.prepareStatement("INSERT OR REPLACE INTO relay_minute VALUES (?, ?, ?, ?, ?)");
          PreparedStatement laneClear = writer.prepareStatement("DELETE FROM relay_lane_minute WHERE minute_ms = ?");
          PreparedStatement lane = writer.prepareStatement("INSERT INTO relay_lane_minute"
              + " (minute_ms, lane, delivered, failed, p95_ms, queued) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (Object o : batch) {
          if (o instanceof StatusVersion s) {
            bindVersion(v, s);
            v.executeUpdate();
          } else if (o instanceof SourceChange s) {
            c.setLong(1, s.at().toEpochMilli());
            c.setString(2, s.state().name());
            c.executeUpdate();
          } else if (o instanceof RelayMinute r) {
            m.setLong(1, r.minute().toEpochMilli());
            m.setLong(2, r.delivered());
            m.setLong(3, r.failed());
            m.setLong(4, r.queueLength());
            setLong(m, 5, r.p95Ms());
            m.executeUpdate();
            laneClear.setLong(1, r.minute().toEpochMilli()); // the minute again replaces its lanes too
            laneClear.executeUpdate();
            for (var e : r.byLane().entrySet()) {
              lane.setLong(1, r.minute().toEpochMilli());
              lane.setString(2, e.getKey());
              lane.setLong(3, e.getValue().delivered());
              lane.setLong(4, e.getValue().failed());
              setLong(lane, 5, e.getValue().p95Ms());
              lane.setLong(6, e.getValue().queued());
              lane.executeUpdate();
            }
          }
        }
      }
      writer.commit();
    } catch (SQLException e) {
      writeFailures.incrementAndGet();
      LOG.error("history: cannot write {} item(s) to {}: {}", batch.size(), file, e.getMessage());
      rollback();
    } finally {
      if (batch.stream().anyMatch(o -> !(o instanceof Flush))) {
        version.incrementAndGet(); // after the commit (or rollback): a reader that saw the old number rereads
      }
      for (Object o : batch) {
        if (o instanceof Flush f) {
          f.done().countDown();
        }
      }
    }
  }

  private static void bindVersion(PreparedStatement p, StatusVersion s) throws SQLException {
    p.setLong(1, s.at().toEpochMilli());
    setDouble(p, 2, s.dailyPnl());
    setDouble(p, 3, s.accumulatedPnl());
    setDouble(p, 4, s.monthlyGoal());
    setDouble(p, 5, s.goalProgress());
    p.setString(6, s.regime());
    p.setString(7, s.volatility());
    setLong(p, 8, s.dangerLevel());
    setLong(p, 9, s.trades());
  }

  /**
   * Deletes rows older than the retention, then cuts each table to the row cap, oldest first.
   * Runs on the writer thread every {@link #PRUNE_EVERY}; public for tests and tools.
   *
   * @return the rows deleted
   */
  public long pruneNow() {
    synchronized (writerLock) {
      return pruneLocked();
    }
  }

  private long pruneLocked() {
    Instant cutoff = retention.cutoff(clock.instant());
    long deleted = 0;
    try {
      writer.setAutoCommit(false);
      try (Statement st = writer.createStatement()) {
        long ms = cutoff.toEpochMilli();
        deleted += st.executeUpdate("DELETE FROM status_version WHERE at_ms < " + ms);
        deleted += st.executeUpdate("DELETE FROM relay_minute WHERE minute_ms < " + ms);
        deleted += st.executeUpdate("DELETE FROM relay_lane_minute WHERE minute_ms < " + ms);
        // Keep the last change before the cutoff: it says the state the kept history opens in.
        deleted += st.executeUpdate("DELETE FROM source_change WHERE at_ms < " + ms + " AND id <"
            + " (SELECT COALESCE(MAX(id), 0) FROM source_change WHERE at_ms < " + ms + ")");
        deleted += cap(st, "status_version", "at_ms");
        deleted += cap(st, "relay_minute", "minute_ms");
        deleted += cap(st, "relay_lane_minute", "minute_ms");
        deleted += cap(st, "source_change", "id");
      }
      writer.commit();
    } catch (SQLException e) {
      writeFailures.incrementAndGet();
      LOG.error("history: cannot prune {}: {}", file, e.getMessage());
      rollback();
    }
    if (deleted > 0) {
      version.incrementAndGet(); // only rows gone change a chart: the prune at open and each hour mostly deletes none
      LOG.info("history: pruned {} row(s) older than {} or past {} rows per table ({})", deleted, cutoff,
          retention.maxRows(), Retention.OVERFLOW_POLICY);
    }
    return deleted;
  }

  private long cap(Statement st, String table, String order) throws SQLException {
    long count;
    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      count = rs.next() ? rs.getLong(1) : 0;
    }
    long excess = retention.excess(count);
    if (excess == 0) {
      return 0;
    }
    return st.executeUpdate("DELETE FROM " + table + " WHERE " + order + " IN (SELECT " + order + " FROM "
        + table + " ORDER BY " + order + " LIMIT " + excess + ")");
  }

  private void rollback() {
    try {
      writer.rollback();
    } catch (SQLException e) {
      LOG.warn("history: rollback failed: {}", e.getMessage());
    }
  }

  // ---- reading: any thread, own connection ----

  @Override
  public long version() {
    return version.get();
  }

  @Override
  public List<StatusVersion> versions(Interval within) {
    List<StatusVersion> out = new ArrayList<>();
    synchronized (reader) {
      try (PreparedStatement p = reader.prepareStatement("SELECT at_ms, daily_pnl, accumulated_pnl,"
          + " monthly_goal, goal_progress, regime, volatility, danger_level, trades FROM status_version"
          + " WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms")) {
        p.setLong(1, within.from().toEpochMilli());
        p.setLong(2, within.to().toEpochMilli());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new StatusVersion(Instant.ofEpochMilli(rs.getLong(1)), dbl(rs, 2), dbl(rs, 3), dbl(rs, 4),
                dbl(rs, 5), rs.getString(6), rs.getString(7), lng(rs, 8), lng(rs, 9)));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the history's status versions: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** One column, rows without it left out: a month is three JNI calls a row, not twenty. */
  @Override
  public List<Point> figure(Interval within, Figure figure) {
    return points(within, figure, "ORDER BY at_ms");
  }

  @Override
  public java.util.Optional<Double> latest(Interval within, Figure figure) {
    List<Point> last = points(within, figure, "ORDER BY at_ms DESC LIMIT 1");
    return last.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(last.get(0).value());
  }

  private List<Point> points(Interval within, Figure figure, String order) {
    String column = switch (figure) {
      case DAILY_PNL -> "daily_pnl";
      case ACCUMULATED_PNL -> "accumulated_pnl";
      case MONTHLY_GOAL -> "monthly_goal";
    };
    List<Point> out = new ArrayList<>();
    synchronized (reader) {
      try (PreparedStatement p = reader.prepareStatement("SELECT at_ms, " + column + " FROM status_version"
          + " WHERE at_ms >= ? AND at_ms < ? AND " + column + " IS NOT NULL " + order)) {
        p.setLong(1, within.from().toEpochMilli());
        p.setLong(2, within.to().toEpochMilli());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new Point(Instant.ofEpochMilli(rs.getLong(1)), rs.getDouble(2)));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the history's " + column + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  @Override
  public List<SourceChange> sourceChanges(Interval within) {
    List<SourceChange> out = new ArrayList<>();
    synchronized (reader) {
      try (PreparedStatement p = reader.prepareStatement("SELECT at_ms, state FROM source_change WHERE id >="
          + " COALESCE((SELECT MAX(id) FROM source_change WHERE at_ms < ?), 0) AND at_ms < ? ORDER BY at_ms, id")) {
        p.setLong(1, within.from().toEpochMilli());
        p.setLong(2, within.to().toEpochMilli());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            SourceState state = state(rs.getString(2));
            if (state != null) {
              out.add(new SourceChange(Instant.ofEpochMilli(rs.getLong(1)), state));
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the history's source changes: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The relay minutes in {@code within}, oldest first, each with its active lanes. */
  @Override
  public List<RelayMinute> relayMinutes(Interval within) {
    List<RelayMinute> out = new ArrayList<>();
    synchronized (reader) {
      java.util.Map<Long, java.util.Map<String, RelayMinute.Lane>> lanes = laneMinutes(within);
      try (PreparedStatement p = reader.prepareStatement("SELECT minute_ms, delivered, failed, queue_len, p95_ms"
          + " FROM relay_minute WHERE minute_ms >= ? AND minute_ms < ? ORDER BY minute_ms")) {
        p.setLong(1, within.from().toEpochMilli());
        p.setLong(2, within.to().toEpochMilli());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(new RelayMinute(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), lng(rs, 5), lanes.getOrDefault(rs.getLong(1), java.util.Map.of())));
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the history's relay minutes: " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Lanes by minute (epoch ms) in {@code within}; the caller holds {@link #reader}. */
  private java.util.Map<Long, java.util.Map<String, RelayMinute.Lane>> laneMinutes(Interval within) {
    java.util.Map<Long, java.util.Map<String, RelayMinute.Lane>> out = new java.util.HashMap<>();
    try (PreparedStatement p = reader.prepareStatement("SELECT minute_ms, lane, delivered, failed, p95_ms,"
        + " queued FROM relay_lane_minute WHERE minute_ms >= ? AND minute_ms < ?")) {
      p.setLong(1, within.from().toEpochMilli());
      p.setLong(2, within.to().toEpochMilli());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
              .put(rs.getString(2), new RelayMinute.Lane(rs.getLong(3), rs.getLong(4), lng(rs, 5), rs.getLong(6)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the history's relay lane minutes: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Rows in each table, for tests and the log: status versions, source changes, relay minutes,
   * relay lane minutes.
   */
  public long[] rowCounts() {
    synchronized (reader) {
      try (Statement st = reader.createStatement()) {
        String[] tables = {"status_version", "source_change", "relay_minute", "relay_lane_minute"};
        long[] out = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
          try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + tables[i])) {
            out[i] = rs.next() ? rs.getLong(1) : 0;
          }
        }
        return out;
      } catch (SQLException e) {
        throw new IllegalStateException("cannot count the history's rows: " + e.getMessage(), e);
      }
    }
  }

  private Instant lastVersionAt() throws SQLException {
    try (Statement st = writer.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(at_ms) FROM status_version")) {
      long ms = rs.next() ? rs.getLong(1) : 0;
      return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
  }

  private SourceState lastStateRecorded() throws SQLException {
    try (Statement st = writer.createStatement();
        ResultSet rs = st.executeQuery("SELECT state FROM source_change ORDER BY id DESC LIMIT 1")) {
      return rs.next() ? state(rs.getString(1)) : null;
    }
  }

  private static SourceState state(String name) {
    try {
      return SourceState.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null; // a state a later version named: left out, not a crash
    }
  }

  /**
   * Stops taking items, writes what is queued (up to {@code 1 s}), stops the writer thread and
   * closes the file. Safe to call twice.
   */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      thread.interrupt();
      LOG.warn("history: the writer did not finish in 1 s; {} item(s) not written", queue.size());
    }
    synchronized (writerLock) {
      close(writer);
    }
    synchronized (reader) {
      close(reader);
    }
  }

  private static void close(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.warn("history: close failed: {}", e.getMessage());
      }
    }
  }

  private static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
    if (v == null) {
      p.setNull(i, java.sql.Types.REAL);
    } else {
      p.setDouble(i, v);
    }
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, java.sql.Types.INTEGER);
    } else {
      p.setLong(i, v);
    }
  }

  private static Double dbl(ResultSet rs, int i) throws SQLException {
    double d = rs.getDouble(i);
    return rs.wasNull() ? null : d;
  }

  private static Long lng(ResultSet rs, int i) throws SQLException {
    long l = rs.getLong(i);
    return rs.wasNull() ? null : l;
  }
}
