package dev.swimmy.bot.core.relay;

import static dev.swimmy.bot.core.relay.Messages.HOOK;
import static dev.swimmy.bot.core.relay.Messages.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.core.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every lane rule as plain data: messages in, plans and effects out, time passed in. No threads,
 * no HTTP, no spool; a deque stands for the webhook's pending messages.
 */
class LanePolicyTest {
  private static final Duration MAX_AGE = Duration.ofMinutes(2);
  private static final Duration MARGIN = Duration.ofMillis(5);
  private static final String BAD_FORM = "{\"code\":50035,\"message\":\"Invalid Form Body\"}";

  private final Deque<SpooledMessage> pending = new ArrayDeque<>();
  private final List<Integer> claims = new ArrayList<>();

  private static LanePolicy policy(int invalidLimit, boolean coalesce) {
    return new LanePolicy(new LanePolicy.Limits(MAX_AGE, 10, coalesce, 5_000, MARGIN),
        new ResponseClassifier(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), new SplittableRandom(42))),
        new InvalidRequestBudget(invalidLimit, InvalidRequestBudget.WINDOW));
  }

  private static LanePolicy policy() {
    return policy(1_000, true);
  }

  /** Plans at {@code now}, answering each claim from {@link #pending} as the spool would. */
  private LanePlan plan(LanePolicy policy, LaneState lane, Instant now) {
    LanePlan plan = policy.plan(lane, now);
    while (plan instanceof LanePlan.Claim c) {
      claims.add(c.count());
      List<SpooledMessage> got = new ArrayList<>();
      while (got.size() < c.count() && !pending.isEmpty()) {
        got.add(pending.removeFirst());
      }
      lane.claimed(got);
      plan = policy.plan(lane, now);
    }
    return plan;
  }

  private LanePlan.Send send(LanePolicy policy, LaneState lane, Instant now) {
    LanePlan plan = plan(policy, lane, now);
    assertThat(plan).isInstanceOf(LanePlan.Send.class);
    return (LanePlan.Send) plan;
  }

  private static SpooledMessage text(long id, String text, Instant createdAt) {
    return Messages.message(id, "{\"content\":\"" + text + "\"}", createdAt);
  }

  private static SinkOutcome reply(int status, String body, String... headers) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      h.put(headers[i], List.of(headers[i + 1]));
    }
    return new SinkOutcome.Replied(status, h, body);
  }

  private static final SinkOutcome OK = reply(200, "{\"id\":\"1\"}");

  private static JsonNode json(String body) throws Exception {
    return PayloadLimits.JSON.readTree(body);
  }

  // ---- claiming and the digest -------------------------------------------------------------

  @Test
  void aLaneClaimsUpToItsBatch_thenSendsInSpoolOrder() throws Exception {
    LanePolicy policy = policy(1_000, false);
    LaneState lane = new LaneState("111");
    for (int i = 0; i < 12; i++) {
      pending.add(text(i, "m" + i, T0));
    }
    LanePlan.Send first = send(policy, lane, T0);
    assertThat(claims).containsExactly(10);
    assertThat(json(first.body()).get("content").asText()).isEqualTo("m0");
    assertThat(first.webhook()).isEqualTo(HOOK);
    LanePolicy.Effects effects = policy.result(lane, OK, T0);
    assertThat(effects.more()).isTrue();
    assertThat(effects.effects()).containsExactly(
        new LaneEffect.Answered(List.of(0L), 200, "{\"id\":\"1\"}"),
        new LaneEffect.Record(new UnrecordedOutcomes.Delivered(List.of(0L), T0)),
        new LaneEffect.Delivered(List.of(Duration.ZERO)));
    send(policy, lane, T0);
    assertThat(claims).containsExactly(10, 1); // tops the batch up by the one it sent
  }

  @Test
  void anEmptyLaneIsIdle() {
    assertThat(plan(policy(), new LaneState("111"), T0)).isInstanceOf(LanePlan.Idle.class);
  }

  @Test
  void anOutagesBacklog_isClaimedWhole_andFoldsIntoOneDigest() throws Exception {
    LanePolicy policy = policy();
    LaneState lane = new LaneState("111");
    for (int i = 0; i < 450; i++) {
      pending.add(text(i, "m" + i, T0.plusMillis(i)));
    }
    Instant now = T0.plus(MAX_AGE).plusSeconds(60);
    LanePlan.Send digest = send(policy, lane, now);
    // 10, then 200 at a time while the newest is expired, until the spool comes back empty
    assertThat(claims).containsExactly(10, 200, 200, 200, 200);
    assertThat(json(digest.body()).at("/embeds/0/title").asText()).startsWith("450 notifications");
    assertThat(digest.extras()).isEqualTo(MessageExtras.ZMQ);
    LanePolicy.Effects effects = policy.result(lane, OK, now);
    assertThat(effects.effects()).contains(new LaneEffect.Expired(450))
        .noneMatch(e -> e instanceof LaneEffect.Answered || e instanceof LaneEffect.Delivered);
    assertThat(plan(policy, lane, now)).isInstanceOf(LanePlan.Idle.class);
  }

  @Test
  void messagesWithinATenthOfMaxAgeOfExpiring_joinTheDigest_youngerOnesGoOutOnTheirOwn() throws Exception {
    LanePolicy policy = policy(1_000, false);
    LaneState lane = new LaneState("111");
    Instant now = T0.plus(MAX_AGE).plusSeconds(1);
    pending.add(text(1, "expired", T0));
    pending.add(text(2, "expires in 11 s", now.minus(MAX_AGE).plusSeconds(11))); // a tenth is 12 s
    pending.add(text(3, "expires in 13 s", now.minus(MAX_AGE).plusSeconds(13)));
    LanePlan.Send digest = send(policy, lane, now);
    assertThat(json(digest.body()).at("/embeds/0/title").asText()).startsWith("2 notifications");
    policy.result(lane, OK, now);
    LanePlan.Send alone = send(policy, lane, now);
    assertThat(json(alone.body()).get("content").asText()).isEqualTo("expires in 13 s");
  }

  @Test
  void aRequestThatWaited_isRebuilt_soMessagesThatExpiredMeanwhileJoinTheDigest() throws Exception {
    LanePolicy policy = policy();
    LaneState lane = new LaneState("111");
    pending.add(Messages.embed(1, "e1"));
    pending.add(Messages.embed(2, "e2"));
    LanePlan.Send pack = send(policy, lane, T0.plusSeconds(2));
    assertThat(json(pack.body()).get("embeds")).hasSize(2);
    LanePolicy.Effects failed = policy.result(lane, reply(503, "down"), T0.plusSeconds(2));
    assertThat(failed.effects()).startsWith(new LaneEffect.Failed(FailureReason.SERVER_ERROR, true));
    Instant late = T0.plus(MAX_AGE).plusSeconds(10);
    assertThat(lane.readyAt()).isBefore(late);
    LanePlan.Send digest = send(policy, lane, late);
    assertThat(json(digest.body()).at("/embeds/0/title").asText()).startsWith("2 notifications");
  }

  @Test
  void aSplitMessageIsNotRebuiltOnceAPartWentOut_andFilesGoWithPartOneOnly() throws Exception {
    LanePolicy policy = policy();
    LaneState lane = new LaneState("111");
    MessageExtras files = new MessageExtras(Intake.HTTP, java.util.Optional.of("42"),
        List.of(new Attachment(0, "a.txt", "text/plain", new byte[] {1})));
    pending.add(new SpooledMessage(7, HOOK, "{\"content\":\"" + "x".repeat(4500) + "\"}", T0, T0, 0, files));
    LanePlan.Send part1 = send(policy, lane, T0);
    assertThat(part1.split()).isTrue();
    assertThat(part1.extras().attachments()).hasSize(1);
    assertThat(policy.result(lane, OK, T0).effects()).isEmpty(); // not delivered until the last part
    Instant late = T0.plus(MAX_AGE).plusSeconds(30); // expired now, but part 1 is out: finish it
    LanePlan.Send part2 = send(policy, lane, late);
    assertThat(part2.split()).isFalse(); // the fitting is counted once
    assertThat(part2.extras().attachments()).isEmpty();
    assertThat(part2.extras().threadId()).contains("42");
    assertThat(json(part2.body()).get("content").asText()).startsWith("(2/");
  }

  // ---- packing and rejection ---------------------------------------------------------------

  @Test
  void aPackedRequestDiscordRejects_isResentOneByOne_soOnlyTheBadMessageIsDeadLettered() throws Exception {
    LanePolicy policy = policy();
    LaneState lane = new LaneState("111");
    for (int i = 1; i <= 3; i++) {
      pending.add(Messages.embed(i, "e" + i));
    }
    send(policy, lane, T0);
    LanePolicy.Effects rejected = policy.result(lane, reply(400, BAD_FORM), T0);
    assertThat(rejected.effects()).containsExactly(new LaneEffect.Failed(FailureReason.CLIENT_ERROR, false));
    List<String> singles = new ArrayList<>();
    List<LaneEffect> last = List.of();
    for (int i = 1; i <= 3; i++) {
      LanePlan.Send one = send(policy, lane, T0);
      singles.add(json(one.body()).at("/embeds/0/title").asText());
      last = policy.result(lane, i == 2 ? reply(400, BAD_FORM) : OK, T0).effects();
      if (i == 2) {
        assertThat(last).contains(
            new LaneEffect.Record(new UnrecordedOutcomes.DeadLettered(List.of(2L), "HTTP 400 " + BAD_FORM, T0)),
            new LaneEffect.DeadLettered(1, "HTTP 400 " + BAD_FORM),
            new LaneEffect.Answered(List.of(2L), 400, BAD_FORM));
      }
    }
    assertThat(singles).containsExactly("e1", "e2", "e3");
  }

  // ---- dead webhooks and the invalid-request budget ----------------------------------------

  @Test
  void a404KillsTheWebhook_movingEverythingClaimed_withoutCountingAnInvalidRequest() {
    LanePolicy policy = policy();
    LaneState lane = new LaneState("111");
    for (int i = 1; i <= 4; i++) {
      pending.add(text(i, "m" + i, T0));
    }
    send(policy, lane, T0);
    LanePolicy.Effects dead = policy.result(lane, reply(404, "{\"code\":10015}"), T0);
    assertThat(dead.more()).isFalse();
    assertThat(dead.effects()).contains(
        new LaneEffect.Failed(FailureReason.DEAD_WEBHOOK, false),
        new LaneEffect.WebhookDead("HTTP 404 {\"code\":10015}", List.of(1L, 2L, 3L, 4L), T0));
    assertThat(policy.invalidRequests(T0)).isZero();
    assertThat(lane.inProgress()).isEmpty();
  }

  @Test
  void a401Or403KillsTheWebhook_andCountsAgainstTheBudget() {
    for (int status : new int[] {401, 403}) {
      LanePolicy policy = policy();
      LaneState lane = new LaneState("111");
      pending.add(text(1, "m", T0));
      send(policy, lane, T0);
      LanePolicy.Effects dead = policy.result(lane, reply(status, "no"), T0);
      assertThat(dead.effects()).contains(new LaneEffect.Failed(FailureReason.AUTH_ERROR, false))
          .anyMatch(e -> e instanceof LaneEffect.WebhookDead);
      assertThat(policy.invalidRequests(T0)).isEqualTo(1);
    }
  }

  @Test
  void aSpentBudget_raisesOneAlert_pausesEveryLane_andClearsAsTheWindowRolls() {
    LanePolicy policy = policy(2, true);
    LaneState a = new LaneState("111");
    pending.add(text(1, "m", T0));
    send(policy, a, T0);
    assertThat(policy.result(a, reply(429, "{\"retry_after\":0.1}"), T0).effects())
        .noneMatch(e -> e instanceof LaneEffect.Raise);
    Instant t1 = T0.plusSeconds(1);
    send(policy, a, t1);
    LanePolicy.Effects second = policy.result(a, reply(429, "{\"retry_after\":0.1}"), t1);
    assertThat(second.effects()).filteredOn(e -> e instanceof LaneEffect.Raise).singleElement()
        .satisfies(e -> assertThat(((LaneEffect.Raise) e).alert()).isEqualTo(new Alert(
            LanePolicy.BUDGET_ALERT, "Webhook sending stopped",
            "2 401/403/429 answers in 10 minutes (Discord bans at 10000); sending resumes as the window rolls.", t1)));
    assertThat(policy.budgetCheck(t1)).isEmpty(); // raised once

    LaneState other = new LaneState("222");
    pending.add(text(2, "n", T0));
    Instant relief = T0.plus(InvalidRequestBudget.WINDOW);
    assertThat(plan(policy, other, t1.plusSeconds(5))).isEqualTo(new LanePlan.Wait(relief));
    assertThat(policy.readyAt(other, t1.plusSeconds(5))).isEqualTo(relief);
    assertThat(policy.pausedUntil(t1)).contains(relief);

    assertThat(policy.budgetCheck(relief)).contains(new LaneEffect.Clear(LanePolicy.BUDGET_ALERT, "sending resumed", relief));
    assertThat(policy.budgetCheck(relief)).isEmpty();
    assertThat(plan(policy, other, relief)).isInstanceOf(LanePlan.Send.class);
  }

  @Test
  void aSharedScope429_doesNotCountAgainstTheBudget() {
    LanePolicy policy = policy();
    LaneState lane = new LaneState("111");
    pending.add(text(1, "m", T0));
    send(policy, lane, T0);
    policy.result(lane, reply(429, "{\"retry_after\":1}", "X-RateLimit-Scope", "shared"), T0);
    assertThat(policy.invalidRequests(T0)).isZero();
  }

  // ---- rate limits and the global pause ----------------------------------------------------

  @Test
  void a429BlocksOnlyItsOwnWebhook_untilTheAnnouncedTimePlusTheMargin() {
    LanePolicy policy = policy();
    LaneState a = new LaneState("111");
    pending.add(text(1, "a", T0));
    send(policy, a, T0);
    LanePolicy.Effects limited = policy.result(a, reply(429, "{\"retry_after\":3}"), T0);
    assertThat(limited.effects()).startsWith(new LaneEffect.RateLimited());
    assertThat(policy.readyAt(a, T0)).isEqualTo(T0.plusSeconds(3).plus(MARGIN));
    assertThat(plan(policy, a, T0.plusSeconds(1))).isEqualTo(new LanePlan.Wait(T0.plusSeconds(3).plus(MARGIN)));

    LaneState b = new LaneState("222");
    pending.add(new SpooledMessage(2, new WebhookAddress("222", new Secret("t")), "{\"content\":\"b\"}", T0, T0, 0));
    assertThat(plan(policy, b, T0.plusSeconds(1))).isInstanceOf(LanePlan.Send.class);
  }

  @Test
  void aGlobal429PausesEveryLane() {
    LanePolicy policy = policy();
    LaneState a = new LaneState("111");
    pending.add(text(1, "a", T0));
    send(policy, a, T0);
    LanePolicy.Effects global = policy.result(a, reply(429, "{\"retry_after\":2,\"global\":true}"), T0);
    assertThat(global.effects()).contains(new LaneEffect.PausedAll(T0.plusSeconds(2)));
    LaneState b = new LaneState("222");
    pending.add(text(2, "b", T0));
    assertThat(plan(policy, b, T0.plusSeconds(1))).isEqualTo(new LanePlan.Wait(T0.plusSeconds(2)));
    assertThat(plan(policy, b, T0.plusSeconds(2))).isInstanceOf(LanePlan.Send.class);
  }

  @Test
  void aBucketWithNoSlotLeft_makesTheLaneWaitForItsReset_beforeAnyRequest() {
    LanePolicy policy = policy(1_000, false);
    LaneState lane = new LaneState("111");
    pending.add(text(1, "a", T0));
    pending.add(text(2, "b", T0));
    send(policy, lane, T0);
    policy.result(lane, reply(200, "{}", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "0",
        "X-RateLimit-Reset-After", "2"), T0);
    assertThat(plan(policy, lane, T0.plusMillis(10))).isEqualTo(new LanePlan.Wait(T0.plusSeconds(2).plus(MARGIN)));
  }

  @Test
  void serverErrorsRetryWithGrowingBackoff_andASuccessResetsIt() {
    LanePolicy policy = policy();
    LaneState lane = new LaneState("111");
    pending.add(text(1, "a", T0));
    Instant now = T0;
    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      send(policy, lane, now);
      LanePolicy.Effects e = policy.result(lane, new SinkOutcome.Failed(SinkOutcome.Kind.TIMEOUT, "timed out"), now);
      assertThat(e.effects()).containsExactly(new LaneEffect.Failed(FailureReason.TIMEOUT, true),
          new LaneEffect.LastError(new LanesHealth.LastError(now, FailureReason.TIMEOUT, "timed out")));
      waits.add(Duration.between(now, lane.readyAt()));
      now = lane.readyAt();
    }
    // equal jitter: attempt n waits between half and all of 2^n seconds
    for (int i = 0; i < 4; i++) {
      assertThat(waits.get(i)).isBetween(Duration.ofMillis(500L << i), Duration.ofMillis(1000L << i));
    }
    send(policy, lane, now);
    policy.result(lane, OK, now);
    pending.add(text(2, "b", now));
    send(policy, lane, now);
    policy.result(lane, reply(500, "oops"), now);
    assertThat(Duration.between(now, lane.readyAt())).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  // ---- alert texts --------------------------------------------------------------------------

  @Test
  void deadWebhookAlerts_nameTheWebhookByIdOnly() {
    Alert alert = LanePolicy.deadWebhookAlert("600", "HTTP 404 Unknown Webhook", 21, T0);
    assertThat(alert).isEqualTo(new Alert("dead-webhook:600", "Webhook 600 is dead",
        "Discord answered HTTP 404 Unknown Webhook. 21 notifications moved to dead letters; fix the webhook in "
            + "the config or requeue them.", T0));
    assertThat(LanePolicy.revived("600", true, T0))
        .isEqualTo(new LaneEffect.Clear("dead-webhook:600", "webhook 600 requeued by an admin", T0));
    assertThat(LanePolicy.revived("600", false, T0))
        .isEqualTo(new LaneEffect.Clear("dead-webhook:600", "webhook 600 is back", T0));
  }

  @Test
  void aDrainedLaneGivesBackEveryClaimedMessage() {
    LanePolicy policy = policy(1_000, false);
    LaneState lane = new LaneState("111");
    for (int i = 1; i <= 3; i++) {
      pending.add(text(i, "m" + i, T0));
    }
    send(policy, lane, T0);
    assertThat(lane.drain()).containsExactly(1L, 2L, 3L);
    assertThat(lane.inProgress()).isEmpty();
  }
}
