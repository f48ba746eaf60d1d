package dev.swimmy.bot.edge.spool;

import static dev.swimmy.bot.testing.Notifications.to;
import static dev.swimmy.bot.testing.Notifications.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.relay.Notification;
import dev.swimmy.bot.core.relay.Spool.CommitOutcome;
import dev.swimmy.bot.core.relay.SpoolUnavailableException;
import dev.swimmy.bot.core.relay.SpooledMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSpoolTest {
  private static final Instant T0 = Instant.parse("2026-02-11T03:18:19Z");
  private static final Duration WINDOW = Duration.ofSeconds(180);

  @TempDir Path dir;
  private final AtomicInteger failures = new AtomicInteger();
  private final List<SqliteSpool> opened = new ArrayList<>();

  private SqliteSpool open(int queueMax) throws SpoolUnavailableException {
    return open(new SqliteSpool.Settings(queueMax, WINDOW, Duration.ofMinutes(10), 0));
  }

  private SqliteSpool open(SqliteSpool.Settings settings) throws SpoolUnavailableException {
    SqliteSpool spool = SqliteSpool.open(dir.resolve("spool.db"), settings,
        Clock.fixed(T0, ZoneOffset.UTC), failures::incrementAndGet);
    opened.add(spool);
    return spool;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteSpool::close);
  }

  private static List<String> contents(List<SpooledMessage> messages) {
    return messages.stream().map(SpooledMessage::payloadJson).toList();
  }

  @Test
  void committedMessages_areClaimedPerWebhookInFifoOrder() throws Exception {
    SqliteSpool spool = open(100);
    spool.commit(List.of(to("1", "a", T0), to("2", "x", T0), to("1", "b", T0), to("1", "c", T0)), T0);

    assertThat(spool.webhooksWithPending()).containsExactlyInAnyOrder("1", "2");
    List<SpooledMessage> first = spool.claim("1", 2);
    assertThat(contents(first)).containsExactly("{\"content\":\"a\"}", "{\"content\":\"b\"}");
    assertThat(first.get(0).webhook().token().reveal()).isEqualTo("tok-1-SECRET");
    assertThat(contents(spool.claim("1", 5))).containsExactly("{\"content\":\"c\"}");
    assertThat(spool.stats().pending()).isEqualTo(1);
    assertThat(spool.stats().inFlight()).isEqualTo(3);
  }

  @Test
  void releasedMessages_goBackAheadOfNewerOnesWithOneMoreAttempt() throws Exception {
    SqliteSpool spool = open(100);
    spool.commit(List.of(to("1", "a", T0), to("1", "b", T0)), T0);
    List<SpooledMessage> claimed = spool.claim("1", 1);
    spool.release(List.of(claimed.get(0).id()));

    List<SpooledMessage> again = spool.claim("1", 2);
    assertThat(contents(again)).containsExactly("{\"content\":\"a\"}", "{\"content\":\"b\"}");
    assertThat(again.get(0).attempts()).isEqualTo(1);
  }

  @Test
  void inFlightMessages_arePendingAgainAfterReopen() throws Exception {
    SqliteSpool spool = open(100);
    spool.commit(List.of(to("1", "a", T0), to("1", "b", T0)), T0);
    spool.claim("1", 2);
    spool.close();

    SqliteSpool reopened = open(100);
    assertThat(reopened.stats().pending()).isEqualTo(2);
    assertThat(contents(reopened.claim("1", 5))).containsExactly("{\"content\":\"a\"}", "{\"content\":\"b\"}");
  }

  @Test
  void pastQueueMax_theOldestPendingAreDroppedAndCounted() throws Exception {
    SqliteSpool spool = open(3);
    assertThat(spool.commit(List.of(to("1", "a", T0), to("2", "b", T0)), T0)).isEqualTo(new CommitOutcome(2, 0, 0));
    assertThat(spool.commit(List.of(to("1", "c", T0), to("1", "d", T0), to("2", "e", T0)), T0))
        .isEqualTo(new CommitOutcome(3, 0, 2));

    assertThat(spool.stats().pending()).isEqualTo(3);
    assertThat(contents(spool.claim("1", 5))).containsExactly("{\"content\":\"c\"}", "{\"content\":\"d\"}");
    assertThat(contents(spool.claim("2", 5))).containsExactly("{\"content\":\"e\"}");
  }

  @Test
  void samePayloadToSameWebhook_isSuppressedWithinTheWindowOnly() throws Exception {
    SqliteSpool spool = open(100);
    assertThat(spool.commit(List.of(to("1", "a", T0), to("1", "a", T0), to("2", "a", T0)), T0))
        .isEqualTo(new CommitOutcome(2, 1, 0));
    assertThat(spool.commit(List.of(to("1", "a", T0)), T0.plusSeconds(179))).isEqualTo(new CommitOutcome(0, 1, 0));
    assertThat(spool.commit(List.of(to("1", "a", T0)), T0.plusSeconds(181))).isEqualTo(new CommitOutcome(1, 0, 0));
  }

  @Test
  void payloadsDifferingOnlyInKeyOrder_areTheSameMessage() throws Exception {
    SqliteSpool spool = open(100);
    Notification one = new Notification(to("1", "a", T0).webhook(), "{\"content\":\"a\",\"tts\":false}",
        Optional.empty(), Optional.empty(), T0);
    Notification two = new Notification(one.webhook(), "{\"tts\":false,\"content\":\"a\"}",
        Optional.empty(), Optional.empty(), T0);
    assertThat(spool.commit(List.of(one, two), T0).duplicates()).isEqualTo(1);
  }

  @Test
  void aRepeatedEngineId_isADuplicateWhateverItsPayload() throws Exception {
    SqliteSpool spool = open(100);
    assertThat(spool.commit(List.of(withId("1", "m-1", "a", T0), withId("1", "m-1", "b", T0)), T0))
        .isEqualTo(new CommitOutcome(1, 1, 0));
  }

  @Test
  void dedupe_survivesARestart() throws Exception {
    SqliteSpool spool = open(100);
    spool.commit(List.of(to("1", "a", T0), withId("2", "m-9", "z", T0)), T0);
    spool.close();

    SqliteSpool reopened = open(100);
    assertThat(reopened.commit(List.of(to("1", "a", T0), withId("2", "m-9", "other", T0)), T0.plusSeconds(60)))
        .isEqualTo(new CommitOutcome(0, 2, 0));
  }

  @Test
  void deliveredRows_arePrunedAfterTheirRetention() throws Exception {
    SqliteSpool spool = open(100);
    spool.commit(List.of(to("1", "a", T0)), T0);
    List<Long> ids = spool.claim("1", 1).stream().map(SpooledMessage::id).toList();
    spool.delivered(ids, T0);
    assertThat(rows("messages")).isEqualTo(1);

    spool.commit(List.of(to("1", "later", T0)), T0.plus(Duration.ofMinutes(11)));
    assertThat(rows("messages")).isEqualTo(1);
    assertThat(rows("dedupe_keys")).isEqualTo(1);
  }

  @Test
  void aDeadWebhook_movesItsMessagesToDeadLettersAcrossRestartsUntilRequeued() throws Exception {
    SqliteSpool spool = open(100);
    spool.commit(List.of(to("1", "a", T0), to("1", "b", T0), to("2", "c", T0)), T0);
    assertThat(spool.markWebhookDead("1", "404 Unknown Webhook", T0)).isEqualTo(2);
    spool.commit(List.of(to("1", "d", T0)), T0);
    spool.close();

    SqliteSpool reopened = open(100);
    assertThat(reopened.webhooksWithPending()).containsExactly("2");
    assertThat(reopened.claim("1", 10)).isEmpty();
    assertThat(reopened.deadWebhooks()).singleElement().satisfies(d -> {
      assertThat(d.webhookId()).isEqualTo("1");
      assertThat(d.reason()).isEqualTo("404 Unknown Webhook");
    });
    assertThat(reopened.deadLetters(10)).hasSize(3);
    assertThat(reopened.stats().deadLetters()).isEqualTo(3);

    assertThat(reopened.requeueDeadLetters(Optional.of("1"))).isEqualTo(3);
    assertThat(reopened.deadWebhooks()).isEmpty();
    assertThat(contents(reopened.claim("1", 10)))
        .containsExactly("{\"content\":\"a\"}", "{\"content\":\"b\"}", "{\"content\":\"d\"}");
  }

  @Test
  void deadLetters_canBePurged() throws Exception {
    SqliteSpool spool = open(100);
    spool.commit(List.of(to("1", "a", T0), to("2", "b", T0)), T0);
    List<Long> ids = spool.claim("1", 1).stream().map(SpooledMessage::id).toList();
    spool.deadLetter(ids, "400 Invalid Form Body", T0);
    assertThat(spool.deadLetters(10)).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("400 Invalid Form Body"));
    assertThat(spool.purgeDeadLetters(Optional.empty())).isEqualTo(1);
    assertThat(spool.deadLetters(10)).isEmpty();
  }

  @Test
  void stats_reportTheOldestPendingByEngineTime() throws Exception {
    SqliteSpool spool = open(100);
    assertThat(spool.stats().oldestPending()).isEmpty();
    Notification old = new Notification(to("1", "a", T0).webhook(), "{\"content\":\"a\"}", Optional.empty(),
        Optional.of(T0.minusSeconds(30)), T0);
    spool.commit(List.of(to("1", "b", T0), old), T0);
    assertThat(spool.stats().oldestPending()).contains(T0.minusSeconds(30));
  }

  @Test
  void theSpoolFile_isOwnerOnlyBecauseItHoldsTokens() throws Exception {
    open(100).commit(List.of(to("1", "a", T0)), T0);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("spool.db"))))
        .isEqualTo("rw-------");
  }

  @Test
  void aFullDisk_failsTheCommitWithoutChangingAnything_andIsCounted() throws Exception {
    SqliteSpool spool = open(new SqliteSpool.Settings(1_000_000, WINDOW, Duration.ofMinutes(10), 64 * 1024));
    String big = "x".repeat(4000);
    int committed = 0;
    SpoolUnavailableException failure = null;
    for (int i = 0; i < 200 && failure == null; i++) {
      try {
        spool.commit(List.of(to("1", big + i, T0)), T0);
        committed++;
      } catch (SpoolUnavailableException e) {
        failure = e;
      }
    }
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("full");
    assertThat(failures).hasValue(1);
    assertThat(spool.available()).isFalse();
    assertThat(spool.stats().pending()).isEqualTo(committed);
    assertThatThrownBy(() -> spool.commit(List.of(to("1", big + "more", T0)), T0))
        .isInstanceOf(SpoolUnavailableException.class);
    assertThat(failures).hasValue(2);

    spool.close();

    SqliteSpool roomAgain = open(100_000_000);
    roomAgain.commit(List.of(to("1", "small", T0)), T0);
    assertThat(roomAgain.available()).isTrue();
    assertThat(roomAgain.stats().pending()).isEqualTo(committed + 1);
  }

  private long rows(String table) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spool.db"));
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      return rs.getLong(1);
    }
  }
}
