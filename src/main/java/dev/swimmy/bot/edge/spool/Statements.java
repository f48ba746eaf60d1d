package dev.swimmy.bot.edge.spool;

import dev.swimmy.bot.core.relay.Attachment;
import dev.swimmy.bot.core.relay.Intake;
import dev.swimmy.bot.core.relay.MessageExtras;
import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import dev.swimmy.bot.core.relay.SpoolPolicy;
import dev.swimmy.bot.core.relay.SpoolPolicy.Placement;
import dev.swimmy.bot.core.relay.SpooledMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The spool's SQL, one method per statement, prepared once on the single connection. */
final class Statements {
  private final Connection db;
  private final PreparedStatement insert;
  private final PreparedStatement insertFile;
  private final PreparedStatement putKey;
  private final PreparedStatement oldestPending;
  private final PreparedStatement setState;

  Statements(Connection db) throws SQLException {
    this.db = db;
    this.insert = db.prepareStatement(
        "INSERT INTO messages (webhook_id, token, payload, engine_id, created_at, received_at, state, reason, dead_at,"
            + " intake, thread_id, files) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.insertFile = db.prepareStatement(
        "INSERT INTO attachments (message_id, idx, filename, content_type, data) VALUES (?, ?, ?, ?, ?)");
    this.putKey = db.prepareStatement("INSERT INTO dedupe_keys (key, seen_at) VALUES (?, ?)");
    this.oldestPending = db.prepareStatement(
        "SELECT * FROM messages WHERE state = 'pending' AND webhook_id = ? ORDER BY id LIMIT ?");
    this.setState = db.prepareStatement("UPDATE messages SET state = ? WHERE id = ? AND state = ?");
  }

  /**
   * Inserts a batch's messages as placed (duplicates skipped), in order, one JDBC batch. Returns the
   * last id given (the stored ones' ids are consecutive up to it), and stores the files of messages
   * that have some under their ids.
   */
  long insertMessages(List<Notification> batch, List<Placement> placements, Instant now) throws SQLException {
    List<Notification> messages = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      if (placements.get(i) != Placement.DUPLICATE) {
        bindMessage(batch.get(i), placements.get(i) == Placement.DEAD_LETTER, now);
        insert.addBatch();
        messages.add(batch.get(i));
      }
    }
    if (messages.isEmpty()) {
      return 0;
    }
    insert.executeBatch();
    long lastId;
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
      lastId = rs.next() ? rs.getLong(1) : 0;
    }
    long id = lastId - messages.size() + 1;
    boolean any = false;
    for (Notification n : messages) {
      for (Attachment a : n.extras().attachments()) {
        insertFile.setLong(1, id);
        insertFile.setInt(2, a.index());
        insertFile.setString(3, a.filename());
        insertFile.setString(4, a.contentType());
        insertFile.setBytes(5, a.data());
        insertFile.addBatch();
        any = true;
      }
      id++;
    }
    if (any) {
      insertFile.executeBatch();
    }
    return lastId;
  }

  /** The messages with the files of those that have some (their extras keep intake and thread). */
  List<SpooledMessage> withAttachments(List<SpooledMessage> messages) throws SQLException {
    List<SpooledMessage> out = new ArrayList<>(messages.size());
    for (SpooledMessage m : messages) {
      if (m.extras().intake() != Intake.HTTP) {
        out.add(m);
        continue;
      }
      List<Attachment> files = new ArrayList<>();
      try (PreparedStatement ps = db.prepareStatement(
          "SELECT idx, filename, content_type, data FROM attachments WHERE message_id = ? ORDER BY idx")) {
        ps.setLong(1, m.id());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            files.add(new Attachment(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBytes(4)));
          }
        }
      }
      MessageExtras extras = new MessageExtras(Intake.HTTP, m.extras().threadId(), files);
      out.add(new SpooledMessage(m.id(), m.webhook(), m.payloadJson(), m.createdAt(), m.receivedAt(), m.attempts(),
          extras));
    }
    return out;
  }

  /** Appends the dedupe keys a batch claimed in memory (a key that aged out of the window appears again). */
  void insertDedupeKeys(Iterable<String> keys, long seenAt) throws SQLException {
    boolean any = false;
    for (String key : keys) {
      putKey.setString(1, key);
      putKey.setLong(2, seenAt);
      putKey.addBatch();
      any = true;
    }
    if (any) {
      putKey.executeBatch();
    }
  }

  private void bindMessage(Notification n, boolean deadWebhook, Instant now) throws SQLException {
    insert.setString(1, n.webhook().id());
    insert.setString(2, n.webhook().token().reveal());
    insert.setString(3, n.payloadJson());
    insert.setString(4, n.engineId().orElse(null));
    insert.setLong(5, n.createdAt().toEpochMilli());
    insert.setLong(6, n.receivedAt().toEpochMilli());
    insert.setString(7, deadWebhook ? "dead" : "pending");
    insert.setString(8, deadWebhook ? SpoolPolicy.DEAD_WEBHOOK_REASON : null);
    if (deadWebhook) {
      insert.setLong(9, now.toEpochMilli());
    } else {
      insert.setNull(9, Types.INTEGER);
    }
    insert.setString(10, n.extras().intake().label());
    insert.setString(11, n.extras().threadId().orElse(null));
    insert.setInt(12, n.extras().attachments().size());
  }

  /**
   * Hands every pending message, oldest first, to {@code pick} as it reads them (rows are stepped
   * only as far as {@code pick} iterates), and returns what it picked.
   */
  List<Long> pendingOldestFirst(Function<Iterable<SpoolPolicy.Pending>, List<Long>> pick) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
            "SELECT id, intake FROM messages WHERE state = 'pending' ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      return pick.apply(() -> new PendingRows(rs));
    } catch (PendingRows.ReadFailed e) {
      throw e.getCause();
    }
  }

  /** Deletes the pending messages of {@code ids}; returns how many it deleted. */
  int drop(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = db.prepareStatement("DELETE FROM messages WHERE id = ? AND state = 'pending'")) {
      for (long id : ids) {
        ps.setLong(1, id);
        ps.addBatch();
      }
      int dropped = 0;
      for (int n : ps.executeBatch()) {
        dropped += Math.max(0, n);
      }
      return dropped;
    }
  }

  /** A result set of {@code (id, intake)} rows read one at a time. */
  private static final class PendingRows implements Iterator<SpoolPolicy.Pending> {
    private final ResultSet rs;
    private Boolean ahead;

    PendingRows(ResultSet rs) {
      this.rs = rs;
    }

    @Override
    public boolean hasNext() {
      if (ahead == null) {
        try {
          ahead = rs.next();
        } catch (SQLException e) {
          throw new ReadFailed(e);
        }
      }
      return ahead;
    }

    @Override
    public SpoolPolicy.Pending next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ahead = null;
      try {
        return new SpoolPolicy.Pending(rs.getLong(1), Intake.ofLabel(rs.getString(2)));
      } catch (SQLException e) {
        throw new ReadFailed(e);
      }
    }

    /** Carries a read's SQLException out through the policy's loop. */
    private static final class ReadFailed extends RuntimeException {
      ReadFailed(SQLException cause) {
        super(cause);
      }

      @Override
      public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
      }
    }
  }

  void prune(Instant dedupeCutoff, Instant deliveredCutoff) throws SQLException {
    update("DELETE FROM dedupe_keys WHERE seen_at <= ?", dedupeCutoff.toEpochMilli());
    update("DELETE FROM messages WHERE state = 'delivered' AND delivered_at < ?", deliveredCutoff.toEpochMilli());
    // Files of delivered, dropped or purged messages: the spool keeps no file it will not send.
    update("DELETE FROM attachments WHERE message_id NOT IN (SELECT id FROM messages WHERE state <> 'delivered')");
  }

  List<String> webhooksWithPending() throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(
            "SELECT DISTINCT webhook_id FROM messages WHERE state = 'pending' ORDER BY webhook_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  Map<String, Integer> queuedByWebhook() throws SQLException {
    Map<String, Integer> out = new TreeMap<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT webhook_id, count(*) FROM messages"
            + " WHERE state IN ('pending', 'in_flight') GROUP BY webhook_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  List<SpooledMessage> oldestPending(String webhookId, int max) throws SQLException {
    oldestPending.setString(1, webhookId);
    oldestPending.setInt(2, max);
    return SqliteSpool.messages(oldestPending);
  }

  int setState(long id, String from, String to) throws SQLException {
    setState.setString(1, to);
    setState.setLong(2, id);
    setState.setString(3, from);
    return setState.executeUpdate();
  }

  void markDelivered(long id, Instant at) throws SQLException {
    update("UPDATE messages SET state = 'delivered', delivered_at = ? WHERE id = ? AND state = 'in_flight'",
        at.toEpochMilli(), id);
  }

  int release(long id) throws SQLException {
    return update("UPDATE messages SET state = 'pending', attempts = attempts + 1 WHERE id = ? AND state = 'in_flight'",
        id);
  }

  void deadLetter(long id, String reason, Instant at) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "UPDATE messages SET state = 'dead', reason = ?, dead_at = ? WHERE id = ? AND state IN ('pending', 'in_flight')")) {
      ps.setString(1, reason);
      ps.setLong(2, at.toEpochMilli());
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  int markWebhookDead(String webhookId, String reason, Instant at) throws SQLException {
    try (PreparedStatement mark = db.prepareStatement(
            "INSERT INTO dead_webhooks (webhook_id, reason, since) VALUES (?, ?, ?)"
                + " ON CONFLICT (webhook_id) DO UPDATE SET reason = excluded.reason");
        PreparedStatement move = db.prepareStatement(
            "UPDATE messages SET state = 'dead', reason = ?, dead_at = ? WHERE webhook_id = ? AND state = 'pending'")) {
      mark.setString(1, webhookId);
      mark.setString(2, reason);
      mark.setLong(3, at.toEpochMilli());
      mark.executeUpdate();
      move.setString(1, reason);
      move.setLong(2, at.toEpochMilli());
      move.setString(3, webhookId);
      return move.executeUpdate();
    }
  }

  List<DeadWebhook> deadWebhooks() throws SQLException {
    List<DeadWebhook> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("SELECT * FROM dead_webhooks ORDER BY since, webhook_id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new DeadWebhook(rs.getString("webhook_id"), rs.getString("reason"),
            Instant.ofEpochMilli(rs.getLong("since"))));
      }
    }
    return out;
  }

  int requeue(Optional<String> webhookId) throws SQLException {
    String only = webhookId.isPresent() ? " AND webhook_id = ?" : "";
    int n;
    try (PreparedStatement ps = db.prepareStatement(
        "UPDATE messages SET state = 'pending', reason = NULL, dead_at = NULL WHERE state = 'dead'" + only)) {
      if (webhookId.isPresent()) {
        ps.setString(1, webhookId.get());
      }
      n = ps.executeUpdate();
    }
    try (PreparedStatement ps = db.prepareStatement(
        "DELETE FROM dead_webhooks" + (webhookId.isPresent() ? " WHERE webhook_id = ?" : ""))) {
      if (webhookId.isPresent()) {
        ps.setString(1, webhookId.get());
      }
      ps.executeUpdate();
    }
    return n;
  }

  int purge(Optional<String> webhookId) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(
        "DELETE FROM messages WHERE state = 'dead'" + (webhookId.isPresent() ? " AND webhook_id = ?" : ""))) {
      if (webhookId.isPresent()) {
        ps.setString(1, webhookId.get());
      }
      return ps.executeUpdate();
    }
  }

  List<DeadLetter> deadLetters(int max) throws SQLException {
    List<DeadLetter> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(
        "SELECT id, webhook_id, reason, created_at, dead_at FROM messages WHERE state = 'dead' ORDER BY id LIMIT ?")) {
      ps.setInt(1, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3),
              Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5))));
        }
      }
    }
    return out;
  }

  int countPending() throws SQLException {
    try (PreparedStatement ps = db.prepareStatement("SELECT count(*) FROM messages WHERE state = 'pending'");
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  SpoolStats stats(int deadWebhooks) throws SQLException {
    int pending = 0;
    int inFlight = 0;
    int dead = 0;
    try (PreparedStatement ps = db.prepareStatement(
            "SELECT state, count(*) FROM messages WHERE state <> 'delivered' GROUP BY state");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        switch (rs.getString(1)) {
          case "pending" -> pending = rs.getInt(2);
          case "in_flight" -> inFlight = rs.getInt(2);
          default -> dead = rs.getInt(2);
        }
      }
    }
    Optional<Instant> oldest = Optional.empty();
    try (PreparedStatement ps = db.prepareStatement("SELECT min(created_at) FROM messages WHERE state = 'pending'");
        ResultSet rs = ps.executeQuery()) {
      if (rs.next() && rs.getObject(1) != null) {
        oldest = Optional.of(Instant.ofEpochMilli(rs.getLong(1)));
      }
    }
    return new SpoolStats(pending, inFlight, dead, deadWebhooks, oldest);
  }

  private int update(String statement, long... args) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(statement)) {
      for (int i = 0; i < args.length; i++) {
        ps.setLong(i + 1, args[i]);
      }
      return ps.executeUpdate();
    }
  }
}
