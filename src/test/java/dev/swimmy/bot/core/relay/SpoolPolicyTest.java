package dev.swimmy.bot.core.relay;

import static dev.swimmy.bot.core.relay.SpoolPolicy.Placement.DEAD_LETTER;
import static dev.swimmy.bot.core.relay.SpoolPolicy.Placement.DUPLICATE;
import static dev.swimmy.bot.core.relay.SpoolPolicy.Placement.PENDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.SpoolPolicy.Pending;
import dev.swimmy.bot.core.relay.SpoolPolicy.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpoolPolicyTest {
  private static final Instant T0 = Instant.parse("2026-02-11T03:18:19Z");
  private static final Duration WINDOW = Duration.ofSeconds(180);
  private final SpoolPolicy policy = new SpoolPolicy(3, WINDOW);
  private final DedupeWindow window = policy.newDedupeWindow();

  private static Notification to(String webhook, String payload) {
    return new Notification(new WebhookAddress(webhook, new Secret("tok-" + webhook)), payload, Optional.empty(),
        Optional.empty(), T0);
  }

  private static Notification withId(String webhook, String engineId, String payload) {
    return new Notification(new WebhookAddress(webhook, new Secret("tok-" + webhook)), payload,
        Optional.of(engineId), Optional.empty(), T0);
  }

  private Plan commit(List<Notification> batch, Instant at, Set<String> dead, int pendingBefore) {
    DedupeWindow.Staged keys = window.stage(at);
    Plan plan = policy.plan(batch, keys, dead, pendingBefore);
    keys.apply();
    return plan;
  }

  @Test
  void dedupeKeys_areTheEngineIdThenTheWebhookAndCanonicalPayloadHash() {
    Notification plain = to("1", "{\"content\":\"a\",\"tts\":false}");
    Notification reordered = to("1", "{\"tts\":false,\"content\":\"a\"}");
    String hash = PayloadJson.canonicalHash(plain.payloadJson());

    assertThat(SpoolPolicy.dedupeKeys(plain)).containsExactly("h:1:" + hash);
    assertThat(SpoolPolicy.dedupeKeys(reordered)).isEqualTo(SpoolPolicy.dedupeKeys(plain));
    assertThat(SpoolPolicy.dedupeKeys(withId("1", "m-7", plain.payloadJson())))
        .containsExactly("id:m-7", "h:1:" + hash);
    assertThat(SpoolPolicy.dedupeKeys(to("2", plain.payloadJson()))).doesNotContainAnyElementsOf(
        SpoolPolicy.dedupeKeys(plain));
  }

  @Test
  void aRepeatWithinTheWindowOrTheBatch_isADuplicate_andOneAfterTheWindowIsNot() {
    Plan first = commit(List.of(to("1", "{\"content\":\"a\"}"), to("1", "{\"content\":\"a\"}"),
        to("2", "{\"content\":\"a\"}")), T0, Set.of(), 0);
    assertThat(first.placements()).containsExactly(PENDING, DUPLICATE, PENDING);
    assertThat(first.stored()).isEqualTo(2);
    assertThat(first.duplicates()).isEqualTo(1);

    assertThat(commit(List.of(to("1", "{\"content\":\"a\"}")), T0.plus(WINDOW).minusMillis(1), Set.of(), 0)
        .placements()).containsExactly(DUPLICATE);
    assertThat(commit(List.of(to("1", "{\"content\":\"a\"}")), T0.plus(WINDOW), Set.of(), 0).placements())
        .containsExactly(PENDING);
  }

  @Test
  void aRepeatedEngineId_isADuplicateWhateverItsPayloadOrWebhook() {
    Plan plan = commit(List.of(withId("1", "m-1", "{\"content\":\"a\"}"), withId("2", "m-1", "{\"content\":\"b\"}")),
        T0, Set.of(), 0);
    assertThat(plan.placements()).containsExactly(PENDING, DUPLICATE);
  }

  @Test
  void aNewEngineIdWithARepeatedPayload_isADuplicate_yetItsIdIsRemembered() {
    commit(List.of(to("1", "{\"content\":\"a\"}")), T0, Set.of(), 0);
    assertThat(commit(List.of(withId("1", "m-2", "{\"content\":\"a\"}")), T0, Set.of(), 0).placements())
        .containsExactly(DUPLICATE);
    assertThat(commit(List.of(withId("1", "m-2", "{\"content\":\"other\"}")), T0, Set.of(), 0).placements())
        .containsExactly(DUPLICATE);
  }

  @Test
  void aPlanNotApplied_claimsNoKeys() {
    policy.plan(List.of(to("1", "{\"content\":\"a\"}")), window.stage(T0), Set.of(), 0);
    assertThat(commit(List.of(to("1", "{\"content\":\"a\"}")), T0, Set.of(), 0).placements())
        .as("the first batch rolled back").containsExactly(PENDING);
  }

  @Test
  void aFreshMessageToADeadWebhook_isADeadLetterAndDoesNotCountTowardsQueueMax() {
    Plan plan = commit(List.of(to("8", "{\"content\":\"a\"}"), to("9", "{\"content\":\"b\"}")), T0,
        Set.of("8"), 2);
    assertThat(plan.placements()).containsExactly(DEAD_LETTER, PENDING);
    assertThat(plan.stored()).isEqualTo(2);
    assertThat(plan.excess()).isZero();
  }

  @Test
  void aDuplicateToADeadWebhook_isStillADuplicate() {
    commit(List.of(to("1", "{\"content\":\"a\"}")), T0, Set.of(), 0);
    assertThat(commit(List.of(to("1", "{\"content\":\"a\"}")), T0, Set.of("1"), 0).placements())
        .containsExactly(DUPLICATE);
  }

  @Test
  void excess_isHowFarThePendingMessagesWouldPassQueueMax() {
    List<Notification> four = List.of(to("1", "{\"content\":\"a\"}"), to("1", "{\"content\":\"b\"}"),
        to("1", "{\"content\":\"c\"}"), to("1", "{\"content\":\"d\"}"));
    assertThat(policy.plan(four, window.stage(T0), Set.of(), 0).excess()).isEqualTo(1);
    assertThat(policy.plan(four.subList(0, 1), window.stage(T0), Set.of(), 2).excess()).isZero();
    assertThat(policy.plan(four.subList(0, 2), window.stage(T0), Set.of(), 2).excess()).isEqualTo(1);
    assertThat(policy.plan(List.of(), window.stage(T0), Set.of(), 10).excess()).as("already past it").isEqualTo(7);
  }

  @Test
  void dropOldest_takesTheOldestZmqMessagesAndNeverAnHttpOne() {
    List<Pending> pending = List.of(new Pending(4, Intake.HTTP), new Pending(5, Intake.ZMQ),
        new Pending(7, Intake.HTTP), new Pending(9, Intake.ZMQ), new Pending(12, Intake.ZMQ));
    assertThat(policy.dropOldest(2, pending)).containsExactly(5L, 9L);
    assertThat(policy.dropOldest(0, pending)).isEmpty();
    assertThat(policy.dropOldest(9, pending)).as("not enough to drop").containsExactly(5L, 9L, 12L);
    assertThat(SpoolPolicy.droppable(Intake.ZMQ)).isTrue();
    assertThat(SpoolPolicy.droppable(Intake.HTTP)).isFalse();
  }

  @Test
  void dropOldest_readsNoFurtherThanItNeeds() {
    List<Long> read = new ArrayList<>();
    Iterable<Pending> endless = () -> new Iterator<>() {
      long next = 1;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Pending next() {
        read.add(next);
        return new Pending(next++, Intake.ZMQ);
      }
    };
    assertThat(policy.dropOldest(3, endless)).containsExactly(1L, 2L, 3L);
    assertThat(read).containsExactly(1L, 2L, 3L);
  }

  @Test
  void aPolicyNeedsAPositiveQueueMaxAndAWindowNotNegative() {
    assertThatThrownBy(() -> new SpoolPolicy(0, WINDOW)).hasMessageContaining("queueMax");
    assertThatThrownBy(() -> new SpoolPolicy(1, Duration.ofSeconds(-1))).hasMessageContaining("dedupeWindow");
    assertThat(new SpoolPolicy(1, Duration.ZERO).dedupeWindow()).isZero();
  }
}
