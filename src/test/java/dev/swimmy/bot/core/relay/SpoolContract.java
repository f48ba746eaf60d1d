package dev.swimmy.bot.core.relay;

import static dev.swimmy.bot.testing.Notifications.to;
import static dev.swimmy.bot.testing.Notifications.webhook;
import static dev.swimmy.bot.testing.Notifications.withId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.relay.Spool.CommitOutcome;
import dev.swimmy.bot.core.relay.Spool.Committed;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import dev.swimmy.bot.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Spool} promises, run against each implementation by a subclass: the SQLite
 * spool on a real file ({@code SqliteSpoolContractTest}) and the in-memory one the lane tests use
 * ({@code InMemorySpoolContractTest}). A behaviour found in one spool and not the other fails here.
 * Time is a {@link MutableClock} moved by hand; every {@code now} a spool is given comes from it.
 *
 * <p>Test methods are public so subclasses in other packages inherit them.
 */
public abstract class SpoolContract {
  protected static final Instant T0 = Instant.parse("2026-02-11T03:18:19Z");
  protected static final Duration WINDOW = Duration.ofSeconds(180);

  protected final MutableClock clock = new MutableClock(T0);

  /** A new, empty spool keeping at most {@code queueMax} pending and deduping within {@code window}. */
  protected abstract Spool open(int queueMax, Duration window) throws Exception;

  /**
   * The spool a new process finds after {@code spool}'s process stopped without warning: the
   * SQLite file reopened, or the in-memory spool's simulated restart.
   */
  protected abstract Spool restart(Spool spool) throws Exception;

  private Spool open() throws Exception {
    return open(100, WINDOW);
  }

  private Instant now() {
    return clock.instant();
  }

  private static List<String> contents(List<SpooledMessage> messages) {
    return messages.stream().map(SpooledMessage::payloadJson).toList();
  }

  private static String json(String content) {
    return "{\"content\":\"" + content + "\"}";
  }

  private static List<Long> ids(List<SpooledMessage> messages) {
    return messages.stream().map(SpooledMessage::id).toList();
  }

  private Notification http(String webhookId, String content, Optional<String> thread, List<Attachment> files) {
    return new Notification(webhook(webhookId), json(content), Optional.empty(), Optional.empty(), now(),
        PayloadJson.canonicalHash(json(content)), new MessageExtras(Intake.HTTP, thread, files));
  }

  // accept and claim

  @Test
  public void committedMessages_areClaimedPerWebhookInFifoOrder() throws Exception {
    Spool spool = open();
    assertThat(spool.commit(List.of(to("1", "a", now()), to("2", "x", now()), to("1", "b", now()),
        to("1", "c", now())), now())).isEqualTo(new CommitOutcome(4, 0, 0));

    assertThat(spool.webhooksWithPending()).containsExactlyInAnyOrder("1", "2");
    List<SpooledMessage> first = spool.claim("1", 2);
    assertThat(contents(first)).containsExactly(json("a"), json("b"));
    assertThat(first.get(0).webhook()).isEqualTo(webhook("1"));
    assertThat(first.get(0).webhook().token().reveal()).isEqualTo("tok-1-SECRET");
    assertThat(first.get(0).attempts()).isZero();
    assertThat(first.get(0).id()).isLessThan(first.get(1).id());
    assertThat(contents(spool.claim("1", 5))).containsExactly(json("c"));
    assertThat(spool.claim("1", 5)).as("nothing left pending").isEmpty();
    assertThat(spool.webhooksWithPending()).containsExactly("2");
    assertThat(spool.stats().pending()).isEqualTo(1);
    assertThat(spool.stats().inFlight()).isEqualTo(3);
    assertThat(spool.pendingCount()).isEqualTo(1);
  }

  @Test
  public void eachWebhooksQueue_countsItsPendingAndInFlightMessages_untilTheyFinish() throws Exception {
    Spool spool = open();
    assertThat(spool.queuedByWebhook()).isEmpty();
    spool.commit(List.of(to("1", "a", now()), to("1", "b", now()), to("1", "c", now()), to("2", "x", now())),
        now());
    List<SpooledMessage> claimed = spool.claim("1", 2);
    assertThat(spool.queuedByWebhook()).as("in flight still counts").isEqualTo(Map.of("1", 3, "2", 1));

    spool.delivered(List.of(claimed.get(0).id()), now());
    spool.deadLetter(List.of(claimed.get(1).id()), "refused", now());
    assertThat(spool.queuedByWebhook()).as("delivered and dead-lettered are finished")
        .isEqualTo(Map.of("1", 1, "2", 1));
    Spool.SpoolStats stats = spool.stats();
    assertThat(spool.queuedByWebhook().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(stats.pending() + stats.inFlight());
  }

  @Test
  public void claimingNothingOrAnUnknownWebhook_claimsNothing() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now())), now());
    assertThat(spool.claim("1", 0)).isEmpty();
    assertThat(spool.claim("9", 5)).isEmpty();
    assertThat(spool.stats().pending()).isEqualTo(1);
  }

  @Test
  public void commitWithIds_givesTheIdsClaimsReturn_andZeroForADuplicate() throws Exception {
    Spool spool = open();
    Committed committed = spool.commitWithIds(List.of(to("1", "a", now()), to("1", "a", now()),
        to("1", "b", now())), now());
    assertThat(committed.outcome()).isEqualTo(new CommitOutcome(2, 1, 0));
    assertThat(committed.ids()).hasSize(3);
    assertThat(committed.ids().get(1)).isZero();
    assertThat(ids(spool.claim("1", 5))).containsExactly(committed.ids().get(0), committed.ids().get(2));

    Committed later = spool.commitWithIds(List.of(to("1", "c", now())), now());
    assertThat(later.ids().get(0)).isGreaterThan(committed.ids().get(2));
  }

  // deliver, retry, dead-letter

  @Test
  public void deliveredMessages_leaveTheQueueForGood() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now()), to("1", "b", now())), now());
    spool.delivered(ids(spool.claim("1", 1)), now());

    assertThat(spool.stats()).isEqualTo(new Spool.SpoolStats(1, 0, 0, 0, Optional.of(T0)));
    spool = restart(spool);
    assertThat(contents(spool.claim("1", 5))).containsExactly(json("b"));
  }

  @Test
  public void onlyAnInFlightMessage_canBeDelivered() throws Exception {
    Spool spool = open();
    long id = spool.commitWithIds(List.of(to("1", "a", now())), now()).ids().get(0);
    spool.delivered(List.of(id), now());

    assertThat(ids(spool.claim("1", 5))).as("a pending message stays pending").containsExactly(id);
  }

  @Test
  public void releasedMessages_goBackAheadOfNewerOnesWithOneMoreAttempt() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now()), to("1", "b", now())), now());
    spool.release(ids(spool.claim("1", 1)));
    assertThat(spool.stats().pending()).isEqualTo(2);

    List<SpooledMessage> again = spool.claim("1", 2);
    assertThat(contents(again)).containsExactly(json("a"), json("b"));
    assertThat(again).extracting(SpooledMessage::attempts).containsExactly(1, 0);
    spool.release(ids(again));
    assertThat(spool.claim("1", 2)).extracting(SpooledMessage::attempts).containsExactly(2, 1);
  }

  @Test
  public void releasingAMessageNotInFlight_countsNoAttempt() throws Exception {
    Spool spool = open();
    long id = spool.commitWithIds(List.of(to("1", "a", now())), now()).ids().get(0);
    spool.release(List.of(id));

    assertThat(spool.claim("1", 1)).singleElement().satisfies(m -> assertThat(m.attempts()).isZero());
  }

  @Test
  public void deadLetters_keepTheirReasonAndTimes_oldestFirst() throws Exception {
    Spool spool = open();
    Notification engineTimed = new Notification(webhook("1"), json("b"), Optional.empty(),
        Optional.of(T0.minusSeconds(30)), now());
    spool.commit(List.of(to("1", "a", now()), engineTimed, to("1", "c", now())), now());
    List<Long> claimed = ids(spool.claim("1", 3));

    clock.advance(Duration.ofSeconds(5));
    spool.deadLetter(List.of(claimed.get(1)), "400 Invalid Form Body", now());
    clock.advance(Duration.ofSeconds(5));
    spool.deadLetter(List.of(claimed.get(0)), "400 Cannot send an empty message", now());

    assertThat(spool.deadLetters(10)).containsExactly(
        new DeadLetter(claimed.get(0), "1", "400 Cannot send an empty message", T0, T0.plusSeconds(10)),
        new DeadLetter(claimed.get(1), "1", "400 Invalid Form Body", T0.minusSeconds(30), T0.plusSeconds(5)));
    assertThat(spool.deadLetters(1)).extracting(DeadLetter::id).containsExactly(claimed.get(0));
    assertThat(spool.stats().deadLetters()).isEqualTo(2);
    assertThat(spool.stats().inFlight()).isEqualTo(1);
    assertThat(spool.claim("1", 5)).as("dead letters are not claimed").isEmpty();
  }

  @Test
  public void aPendingMessage_canBeDeadLettered_butADeliveredOneCannot() throws Exception {
    Spool spool = open();
    List<Long> ids = spool.commitWithIds(List.of(to("1", "a", now()), to("1", "b", now())), now()).ids();
    spool.delivered(List.of(spool.claim("1", 1).get(0).id()), now());
    spool.deadLetter(ids, "400 Invalid Form Body", now());

    assertThat(spool.deadLetters(10)).extracting(DeadLetter::id).containsExactly(ids.get(1));
    assertThat(spool.stats().pending()).isZero();
  }

  @Test
  public void deadLetters_canBeRequeuedOrPurged_perWebhookOrAll() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now()), to("2", "b", now()), to("3", "c", now())), now());
    for (String id : List.of("1", "2", "3")) {
      spool.deadLetter(ids(spool.claim(id, 1)), "400 Invalid Form Body", now());
    }

    assertThat(spool.purgeDeadLetters(Optional.of("2"))).isEqualTo(1);
    assertThat(spool.deadLetters(10)).extracting(DeadLetter::webhookId).containsExactly("1", "3");
    assertThat(spool.requeueDeadLetters(Optional.of("1"))).isEqualTo(1);
    assertThat(spool.claim("1", 5)).singleElement().satisfies(m -> assertThat(m.payloadJson()).isEqualTo(json("a")));
    assertThat(spool.purgeDeadLetters(Optional.empty())).isEqualTo(1);
    assertThat(spool.deadLetters(10)).isEmpty();
    assertThat(spool.requeueDeadLetters(Optional.empty())).isZero();
  }

  // dedupe

  @Test
  public void samePayloadToSameWebhook_isSuppressedWithinTheWindowOnly() throws Exception {
    Spool spool = open();
    assertThat(spool.commit(List.of(to("1", "a", now()), to("1", "a", now()), to("2", "a", now())), now()))
        .isEqualTo(new CommitOutcome(2, 1, 0));
    clock.advance(WINDOW.minusMillis(1));
    assertThat(spool.commit(List.of(to("1", "a", now())), now())).isEqualTo(new CommitOutcome(0, 1, 0));
    clock.advance(Duration.ofMillis(1));
    assertThat(spool.commit(List.of(to("1", "a", now())), now())).isEqualTo(new CommitOutcome(1, 0, 0));
    assertThat(spool.stats().pending()).isEqualTo(3);
  }

  @Test
  public void payloadsDifferingOnlyInKeyOrder_areTheSameMessage() throws Exception {
    Spool spool = open();
    Notification one = new Notification(webhook("1"), "{\"content\":\"a\",\"tts\":false}", Optional.empty(),
        Optional.empty(), now());
    Notification two = new Notification(webhook("1"), "{\"tts\":false,\"content\":\"a\"}", Optional.empty(),
        Optional.empty(), now());
    assertThat(spool.commit(List.of(one), now())).isEqualTo(new CommitOutcome(1, 0, 0));
    assertThat(spool.commit(List.of(two), now())).isEqualTo(new CommitOutcome(0, 1, 0));
  }

  @Test
  public void aRepeatedEngineId_isADuplicateWhateverItsPayload() throws Exception {
    Spool spool = open();
    assertThat(spool.commit(List.of(withId("1", "m-1", "a", now()), withId("1", "m-1", "b", now())), now()))
        .isEqualTo(new CommitOutcome(1, 1, 0));
    assertThat(spool.commit(List.of(withId("2", "m-1", "c", now())), now())).isEqualTo(new CommitOutcome(0, 1, 0));
  }

  @Test
  public void theSamePayloadOverHttpAndZeroMq_isOneMessage() throws Exception {
    Spool spool = open();
    assertThat(spool.commit(List.of(http("1", "a", Optional.empty(), List.of()), to("1", "a", now())), now()))
        .isEqualTo(new CommitOutcome(1, 1, 0));
  }

  @Test
  public void dedupe_survivesARestart() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now()), withId("2", "m-9", "z", now())), now());
    spool = restart(spool);

    clock.advance(Duration.ofSeconds(60));
    assertThat(spool.commit(List.of(to("1", "a", now()), withId("2", "m-9", "other", now())), now()))
        .isEqualTo(new CommitOutcome(0, 2, 0));
  }

  @Test
  public void withAZeroWindow_onlyARepeatWithinOneBatchIsADuplicate() throws Exception {
    Spool spool = open(100, Duration.ZERO);
    assertThat(spool.commit(List.of(to("1", "a", now()), to("1", "a", now())), now()))
        .isEqualTo(new CommitOutcome(1, 1, 0));
    assertThat(spool.commit(List.of(to("1", "a", now())), now())).isEqualTo(new CommitOutcome(1, 0, 0));
  }

  // overflow

  @Test
  public void pastQueueMax_theOldestPendingAreDroppedAndCounted() throws Exception {
    Spool spool = open(3, WINDOW);
    assertThat(spool.commit(List.of(to("1", "a", now()), to("2", "b", now())), now()))
        .isEqualTo(new CommitOutcome(2, 0, 0));
    assertThat(spool.commit(List.of(to("1", "c", now()), to("1", "d", now()), to("2", "e", now())), now()))
        .isEqualTo(new CommitOutcome(3, 0, 2));

    assertThat(spool.stats().pending()).isEqualTo(3);
    assertThat(spool.pendingCount()).isEqualTo(3);
    assertThat(contents(spool.claim("1", 5))).containsExactly(json("c"), json("d"));
    assertThat(contents(spool.claim("2", 5))).containsExactly(json("e"));
  }

  @Test
  public void aBatchLargerThanQueueMax_keepsItsNewestMessages() throws Exception {
    Spool spool = open(2, WINDOW);
    Committed committed = spool.commitWithIds(List.of(to("1", "a", now()), to("1", "b", now()),
        to("1", "c", now()), to("1", "d", now())), now());
    assertThat(committed.outcome()).isEqualTo(new CommitOutcome(4, 0, 2));
    assertThat(contents(spool.claim("1", 5))).containsExactly(json("c"), json("d"));
  }

  @Test
  public void inFlightMessages_neitherCountTowardsQueueMaxNorAreDropped() throws Exception {
    Spool spool = open(2, WINDOW);
    spool.commit(List.of(to("1", "a", now()), to("1", "b", now())), now());
    List<Long> inFlight = ids(spool.claim("1", 1));
    assertThat(spool.commit(List.of(to("1", "c", now()), to("1", "d", now())), now()))
        .isEqualTo(new CommitOutcome(2, 0, 1));

    assertThat(spool.stats().inFlight()).isEqualTo(1);
    assertThat(contents(spool.claim("1", 5))).containsExactly(json("c"), json("d"));
    spool.delivered(inFlight, now());
    assertThat(spool.stats().pending()).isZero();
  }

  @Test
  public void overflow_neverDropsAnHttpMessage() throws Exception {
    Spool spool = open(2, WINDOW);
    spool.commit(List.of(http("1", "h1", Optional.empty(), List.of()), to("1", "z1", now()),
        http("1", "h2", Optional.empty(), List.of())), now());
    assertThat(spool.stats().pending()).isEqualTo(2);
    assertThat(spool.commit(List.of(http("1", "h3", Optional.empty(), List.of())), now()))
        .as("nothing droppable is left: the queue stays past queue-max")
        .isEqualTo(new CommitOutcome(1, 0, 0));

    assertThat(contents(spool.claim("1", 5))).containsExactly(json("h1"), json("h2"), json("h3"));
  }

  @Test
  public void aDroppedMessage_staysADuplicateWithinTheWindow() throws Exception {
    Spool spool = open(1, WINDOW);
    assertThat(spool.commit(List.of(to("1", "a", now()), to("1", "b", now())), now()).dropped()).isEqualTo(1);
    assertThat(spool.commit(List.of(to("1", "a", now())), now())).isEqualTo(new CommitOutcome(0, 1, 0));
  }

  // dead webhooks

  @Test
  public void aDeadWebhook_hasItsPendingMessagesDeadLetteredAndNewOnesRoutedThere() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now()), to("1", "b", now()), to("1", "c", now()), to("2", "x", now())), now());
    List<Long> inFlight = ids(spool.claim("1", 1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(spool.markWebhookDead("1", "404 Unknown Webhook", now())).as("pending ones only").isEqualTo(2);
    assertThat(spool.isDead("1")).isTrue();
    assertThat(spool.isDead("2")).isFalse();

    clock.advance(Duration.ofSeconds(1));
    Committed routed = spool.commitWithIds(List.of(to("1", "d", now())), now());
    assertThat(routed.outcome()).isEqualTo(new CommitOutcome(1, 0, 0));
    assertThat(spool.deadLetters(10)).last().isEqualTo(new DeadLetter(routed.ids().get(0), "1",
        SpoolPolicy.DEAD_WEBHOOK_REASON, T0.plusSeconds(2), T0.plusSeconds(2)));
    assertThat(spool.deadLetters(10)).extracting(DeadLetter::reason)
        .containsExactly("404 Unknown Webhook", "404 Unknown Webhook", SpoolPolicy.DEAD_WEBHOOK_REASON);

    assertThat(spool.webhooksWithPending()).containsExactly("2");
    assertThat(spool.claim("1", 10)).isEmpty();
    assertThat(spool.stats()).isEqualTo(new Spool.SpoolStats(1, 1, 3, 1, Optional.of(T0)));
    spool.delivered(inFlight, now());
    assertThat(spool.stats().inFlight()).isZero();
  }

  @Test
  public void messagesRoutedToADeadWebhook_doNotCountTowardsQueueMax() throws Exception {
    Spool spool = open(2, WINDOW);
    spool.markWebhookDead("1", "404 Unknown Webhook", now());
    assertThat(spool.commit(List.of(to("1", "a", now()), to("1", "b", now()), to("1", "c", now()),
        to("2", "x", now())), now())).isEqualTo(new CommitOutcome(4, 0, 0));
    assertThat(spool.stats().deadLetters()).isEqualTo(3);
    assertThat(spool.pendingCount()).isEqualTo(1);
  }

  @Test
  public void markingAWebhookDeadAgain_keepsSinceAndTakesTheNewReason() throws Exception {
    Spool spool = open();
    spool.markWebhookDead("1", "404 Unknown Webhook", now());
    clock.advance(Duration.ofMinutes(1));
    spool.markWebhookDead("1", "401 Unauthorized", now());
    spool.markWebhookDead("0", "403 Missing Access", now());

    assertThat(spool.deadWebhooks()).containsExactly(new DeadWebhook("1", "401 Unauthorized", T0),
        new DeadWebhook("0", "403 Missing Access", T0.plusSeconds(60)));
    assertThat(spool.stats().deadWebhooks()).isEqualTo(2);
  }

  @Test
  public void aDeadWebhook_staysDeadAcrossARestart_untilItsDeadLettersAreRequeued() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now()), to("1", "b", now()), to("2", "c", now())), now());
    spool.markWebhookDead("1", "404 Unknown Webhook", now());
    spool.commit(List.of(to("1", "d", now())), now());
    spool = restart(spool);

    assertThat(spool.isDead("1")).isTrue();
    assertThat(spool.deadWebhooks()).containsExactly(new DeadWebhook("1", "404 Unknown Webhook", T0));
    assertThat(spool.webhooksWithPending()).containsExactly("2");
    assertThat(spool.claim("1", 10)).isEmpty();
    spool.commit(List.of(to("1", "e", now())), now());
    assertThat(spool.deadLetters(10)).hasSize(4);

    assertThat(spool.requeueDeadLetters(Optional.of("1"))).isEqualTo(4);
    assertThat(spool.isDead("1")).isFalse();
    assertThat(spool.deadWebhooks()).isEmpty();
    assertThat(spool.stats().deadLetters()).isZero();
    assertThat(contents(spool.claim("1", 10))).containsExactly(json("a"), json("b"), json("d"), json("e"));
    spool.commit(List.of(to("1", "f", now())), now());
    assertThat(spool.webhooksWithPending()).as("revived: new messages are pending again").contains("1");
  }

  @Test
  public void requeueingEverything_revivesEveryDeadWebhook() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now()), to("2", "b", now())), now());
    spool.markWebhookDead("1", "404 Unknown Webhook", now());
    spool.markWebhookDead("2", "401 Unauthorized", now());

    assertThat(spool.requeueDeadLetters(Optional.empty())).isEqualTo(2);
    assertThat(spool.deadWebhooks()).isEmpty();
    assertThat(spool.webhooksWithPending()).containsExactlyInAnyOrder("1", "2");
  }

  // restart

  @Test
  public void inFlightMessages_arePendingAgainAfterARestart() throws Exception {
    Spool spool = open();
    spool.commit(List.of(to("1", "a", now()), to("1", "b", now()), to("1", "c", now())), now());
    List<SpooledMessage> claimed = spool.claim("1", 3);
    spool.delivered(List.of(claimed.get(2).id()), now());
    spool = restart(spool);

    assertThat(spool.stats().pending()).isEqualTo(2);
    assertThat(spool.stats().inFlight()).isZero();
    List<SpooledMessage> again = spool.claim("1", 5);
    assertThat(ids(again)).containsExactly(claimed.get(0).id(), claimed.get(1).id());
    assertThat(again).extracting(SpooledMessage::attempts).as("a crash is not an attempt").containsOnly(0);
  }

  // attachments

  @Test
  public void anHttpMessage_keepsItsThreadAndFilesThroughClaimAndRestart() throws Exception {
    Spool spool = open();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
    Notification withFiles = http("1", "chart", Optional.of("1300000000000000001"),
        List.of(new Attachment(0, "chart.png", "image/png", png), new Attachment(2, "notes.txt", "text/plain", text)));
    spool.commit(List.of(withFiles, http("1", "plain", Optional.empty(), List.of()), to("1", "zmq", now())), now());
    spool.claim("1", 3);
    spool = restart(spool);

    List<SpooledMessage> claimed = spool.claim("1", 3);
    assertThat(claimed).extracting(m -> m.extras().intake()).containsExactly(Intake.HTTP, Intake.HTTP, Intake.ZMQ);
    MessageExtras extras = claimed.get(0).extras();
    assertThat(extras.threadId()).contains("1300000000000000001");
    assertThat(extras.attachments()).hasSize(2);
    assertThat(extras.attachments().get(0)).satisfies(a -> {
      assertThat(a.index()).isZero();
      assertThat(a.filename()).isEqualTo("chart.png");
      assertThat(a.contentType()).isEqualTo("image/png");
      assertThat(a.data()).isEqualTo(png);
    });
    assertThat(extras.attachments().get(1)).satisfies(a -> {
      assertThat(a.index()).isEqualTo(2);
      assertThat(a.filename()).isEqualTo("notes.txt");
      assertThat(a.data()).isEqualTo(text);
    });
    assertThat(claimed.get(1).extras()).isEqualTo(new MessageExtras(Intake.HTTP, Optional.empty(), List.of()));
    assertThat(claimed.get(2).extras()).isEqualTo(MessageExtras.ZMQ);
  }

  // stats

  @Test
  public void stats_countEachStateAndTheOldestPendingByEngineTime() throws Exception {
    Spool spool = open();
    assertThat(spool.stats()).isEqualTo(new Spool.SpoolStats(0, 0, 0, 0, Optional.empty()));
    Notification old = new Notification(webhook("1"), json("old"), Optional.empty(),
        Optional.of(T0.minusSeconds(30)), now());
    clock.advance(Duration.ofSeconds(10));
    spool.commit(List.of(old, to("1", "b", now()), to("2", "c", now()), to("3", "d", now())), now());
    assertThat(spool.stats().oldestPending()).contains(T0.minusSeconds(30));

    spool.claim("1", 1);
    assertThat(spool.stats().oldestPending()).as("in flight is not pending").contains(T0.plusSeconds(10));
    spool.deadLetter(ids(spool.claim("2", 1)), "400 Invalid Form Body", now());
    spool.markWebhookDead("4", "404 Unknown Webhook", now());
    assertThat(spool.stats()).isEqualTo(new Spool.SpoolStats(2, 1, 1, 1, Optional.of(T0.plusSeconds(10))));
    assertThat(spool.pendingCount()).isEqualTo(2);
  }
}
