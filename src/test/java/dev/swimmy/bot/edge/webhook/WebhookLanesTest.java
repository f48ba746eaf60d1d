package dev.swimmy.bot.edge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.testing.Fault;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.RecordedCall;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WebhookLanesTest {
  private static final Duration BOUND = Duration.ofSeconds(30);

  @Test
  void noRequestIsEverSentInsideAnAnnouncedWait() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress a = rig.hook("100");
      WebhookAddress b = rig.hook("200");
      rig.fake("100").faults().next(Fault.cloudflareRateLimit(Duration.ofSeconds(3)));
      rig.fake("200").faults().next(Fault.SERVER_ERROR, Fault.globalRateLimit(Duration.ofSeconds(2)));
      for (int i = 0; i < 24; i++) {
        rig.send(a, LaneRig.text("a" + i));
        rig.send(b, LaneRig.text("b" + i));
      }
      rig.start();
      rig.runUntil(() -> rig.spool.deliveredCount() == 48);
      assertThat(rig.discord.requestsInsideAnnouncedWait()).isZero();
      assertThat(rig.fake("100").received()).extracting(j -> j.get("content").asText())
          .containsExactlyElementsOf(range("a", 24));
      assertThat(rig.metrics.rateLimitedCount()).isEqualTo(2);
    }
  }

  @Test
  void workCommittedWhileALaneIsSending_goesOutWithoutWaitingForThePoll() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      rig.settings = rig.settings.withPollInterval(Duration.ofHours(1)); // only wake() can drive the lane
      WebhookAddress hook = rig.hook("150");
      CountDownLatch inFlight = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger posts = new AtomicInteger();
      rig.sinkWrapper = real -> (to, body) -> {
        if (posts.incrementAndGet() == 1) {
          inFlight.countDown();
          release.await();
        }
        return real.post(to, body);
      };
      rig.start();
      rig.send(hook, LaneRig.text("first"));
      assertThat(inFlight.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
      // The lane has claimed "first" and is inside its request: the poll this wake starts finds
      // the lane running (its kick follows the lookup at once).
      int lookups = rig.spool.pendingLookups();
      rig.send(hook, LaneRig.text("second"));
      await().atMost(BOUND).until(() -> rig.spool.pendingLookups() > lookups);
      release.countDown();
      await().atMost(BOUND).until(() -> rig.spool.deliveredCount() == 2);
      assertThat(rig.fake("150").received()).extracting(j -> j.get("content").asText())
          .containsExactly("first", "second");
    }
  }

  @Test
  void a404WebhookDoesNotSlowThreeHealthyOnes_andAHungOneNeither() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      rig.requestTimeout = Duration.ofSeconds(3);
      WebhookAddress dead = rig.hook("400");
      WebhookAddress hung = rig.hook("500");
      List<WebhookAddress> healthy = List.of(rig.hook("401"), rig.hook("402"), rig.hook("403"));
      rig.fake("400").faults().always(Fault.UNKNOWN_WEBHOOK);
      rig.fake("500").faults().always(Fault.HANG);
      for (int i = 0; i < 12; i++) {
        rig.send(dead, LaneRig.text("dead" + i));
        rig.send(hung, LaneRig.text("hung" + i));
        for (WebhookAddress h : healthy) {
          rig.send(h, LaneRig.text("ok" + i));
        }
      }
      rig.start();
      rig.runUntil(() -> rig.spool.deliveredCount() == 36);
      for (String id : List.of("401", "402", "403")) {
        assertThat(rig.fake(id).received()).hasSize(12);
      }
      assertThat(rig.fake("400").requests()).hasSize(1);
      assertThat(rig.spool.deadLetterCount()).isEqualTo(12);
      assertThat(rig.discord.requestsInsideAnnouncedWait()).isZero();
    }
  }

  @Test
  void eachDeadWebhookRaisesExactlyOneAlert_namingItsIdOnly_evenAcrossARestart() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress gone = rig.hook("600");
      WebhookAddress badToken = rig.hook("700");
      rig.fake("600").faults().always(Fault.UNKNOWN_WEBHOOK);
      rig.fake("700").faults().always(Fault.INVALID_WEBHOOK_TOKEN);
      for (int i = 0; i < 20; i++) {
        rig.send(gone, LaneRig.text("g" + i));
        rig.send(badToken, LaneRig.text("t" + i));
      }
      rig.start();
      rig.runUntil(() -> rig.spool.deadLetterCount() == 40);
      rig.send(gone, LaneRig.text("after death")); // a dead letter at once (SpoolPolicy): nothing goes to a dead webhook
      rig.advance(Duration.ofSeconds(5));
      rig.lanes.stop(Duration.ofMillis(200));
      rig.start(); // a restart on the same spool: the dead marks are kept, no second alert
      rig.send(gone, LaneRig.text("after restart"));
      rig.advance(Duration.ofSeconds(5));
      assertThat(rig.spool.deadLetterCount()).isEqualTo(42);

      assertThat(rig.alerts.raised()).hasSize(2);
      assertThat(rig.alerts.raised()).extracting(a -> a.key())
          .containsExactlyInAnyOrder("dead-webhook:600", "dead-webhook:700");
      assertThat(rig.alerts.raised()).allSatisfy(a -> {
        assertThat(a.title() + a.detail()).doesNotContain("tok-");
      });
      assertThat(rig.fake("600").requests()).hasSize(1);
      assertThat(rig.fake("700").requests()).hasSize(1);
      assertThat(rig.spool.deadWebhooks()).hasSize(2);

      rig.fake("600").faults().clear();
      assertThat(rig.lanes.revive("600")).isEqualTo(22);
      rig.runUntil(() -> rig.spool.deliveredCount() == 22);
      assertThat(rig.alerts.cleared()).containsExactly("dead-webhook:600");
    }
  }

  @Test
  void aPollWhileAWebhookDies_doesNotClearTheAlertTheDeathIsAboutToRaise() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress gone = rig.hook("610");
      rig.fake("610").faults().always(Fault.UNKNOWN_WEBHOOK);
      for (int i = 0; i < 20; i++) {
        rig.send(gone, LaneRig.text("g" + i)); // more than a lane claims: the poll still lists 610
      }
      // The lane has its 404 and is about to mark the webhook dead in the spool: a poll runs now,
      // to its end, before the mark is written (the moment a loaded host may stretch).
      AtomicReference<Thread> poller = new AtomicReference<>();
      rig.spoolWrapper = real -> (Spool) Proxy.newProxyInstance(Spool.class.getClassLoader(),
          new Class<?>[] {Spool.class}, (proxy, method, args) -> {
            if (method.getName().equals("webhooksWithPending")) {
              poller.compareAndSet(null, Thread.currentThread());
            }
            if (method.getName().equals("markWebhookDead")) {
              poller.set(null);
              rig.lanes.wake();
              await().atMost(BOUND).until(() -> poller.get() != null
                  && poller.get().getState() == Thread.State.WAITING); // back in the pool: the poll ended
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      rig.start();
      rig.runUntil(() -> rig.spool.deadLetterCount() == 20);

      assertThat(rig.alerts.raised()).extracting(a -> a.key()).containsExactly("dead-webhook:610");
      assertThat(rig.alerts.cleared()).isEmpty();
      assertThat(rig.fake("610").requests()).hasSize(1);
    }
  }

  @Test
  void aTenMinuteOutageEndsInOneDigest_notAnAvalanche() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress hook = rig.hook("800");
      FakeWebhook fake = rig.fake("800");
      fake.faults().always(Fault.SERVICE_UNAVAILABLE);
      rig.start();
      Instant start = rig.clock.instant();
      int sent = 0;
      for (int s = 0; s < 600; s += 5) { // one notification every 5 s of engine time for 10 minutes
        rig.advanceTo(start.plusSeconds(s));
        rig.send(hook, LaneRig.embed("alert " + sent++));
      }
      fake.faults().clear();
      int total = sent;
      rig.runUntil(() -> rig.spool.deliveredCount() == total);

      List<JsonNode> received = fake.received();
      List<JsonNode> digests = received.stream()
          .filter(j -> j.path("embeds").path(0).path("title").asText().contains("were not delivered in time")).toList();
      assertThat(digests).hasSize(1);
      String title = digests.get(0).get("embeds").get(0).get("title").asText();
      int folded = Integer.parseInt(title.substring(0, title.indexOf(' ')));
      assertThat(folded).isGreaterThan(total / 2);
      int embedsDelivered = received.stream().mapToInt(j -> j.get("embeds").size()).sum() - 1;
      assertThat(folded + embedsDelivered).isEqualTo(total);
      assertThat(received.size()).isLessThanOrEqualTo(1 + (total - folded + 9) / 10 + 2);
      assertThat(rig.metrics.expiredCount()).isEqualTo(folded);
      assertThat(rig.discord.requestsInsideAnnouncedWait()).isZero();
    }
  }

  @Test
  void aStopWithASendInFlightLosesNothing_andTheNextRunDeliversEveryMessage() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress hook = rig.hook("900");
      FakeWebhook fake = rig.fake("900");
      fake.faults().next(Fault.HANG);
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        ids.add(rig.send(hook, LaneRig.text("m" + i)));
      }
      rig.start();
      await().atMost(BOUND).until(() -> fake.requests().size() == 1);
      rig.lanes.stop(Duration.ofMillis(300));
      assertThat(rig.spool.undelivered()).isEqualTo(25);
      assertThat(rig.spool.inFlight()).isZero();

      rig.start();
      rig.runUntil(() -> rig.spool.deliveredCount() == 25);
      assertThat(fake.received()).extracting(j -> j.get("content").asText())
          .containsExactlyElementsOf(range("m", 25));
    }
  }

  @Test
  void aCrashWithMessagesInFlightLosesNone_andDuplicatesOnlyTheRequestInFlightAtTheCrash() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress hook = rig.hook("901");
      FakeWebhook fake = rig.fake("901");
      for (int i = 0; i < 15; i++) {
        rig.send(hook, LaneRig.embed("e" + i));
      }
      // The process dies inside its second request, after Discord accepted it and before the lane
      // could record it: the worst moment. A dead process sends nothing more, so the crashed lane's
      // thread never comes back from that request.
      AtomicInteger posts = new AtomicInteger();
      AtomicReference<String> inFlightAtCrash = new AtomicReference<>();
      CountDownLatch never = new CountDownLatch(1);
      rig.sinkWrapper = real -> (to, body) -> {
        if (posts.incrementAndGet() < 2) {
          return real.post(to, body);
        }
        if (inFlightAtCrash.compareAndSet(null, body)) {
          real.post(to, body);
        }
        never.await();
        throw new InterruptedException("the process is dead");
      };
      WebhookLanes crashed = rig.start();
      try {
        await().atMost(BOUND).until(() -> inFlightAtCrash.get() != null && fake.received().size() >= 2);
        rig.lanes = null; // the process dies: no stop, nothing released, nothing recorded
        rig.spool.reopen();
        rig.sinkWrapper = UnaryOperator.identity();
        rig.start();
        rig.runUntil(() -> rig.spool.deliveredCount() == 15);
        rig.advance(Duration.ofSeconds(10)); // a stray send would land now

        // Count every send: only the messages of the request in flight at the crash may come twice.
        List<String> mayRepeat = titles(new ObjectMapper().readTree(inFlightAtCrash.get()));
        assertThat(mayRepeat).isNotEmpty();
        Map<String, Long> sends = fake.received().stream().flatMap(j -> titles(j).stream())
            .collect(Collectors.groupingBy(t -> t, TreeMap::new, Collectors.counting()));
        assertThat(sends).containsOnlyKeys(range("e", 15));
        sends.forEach((title, n) -> assertThat(n).as("sends of %s", title)
            .isBetween(1L, mayRepeat.contains(title) ? 2L : 1L));
      } finally {
        crashed.stop(Duration.ZERO);
      }
    }
  }

  @Test
  void aBadPayloadIsDeadLetteredWithDiscordsError_andServerErrorsAreRetried() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress hook = rig.hook("950");
      FakeWebhook fake = rig.fake("950");
      fake.faults().next(Fault.SERVER_ERROR, Fault.BAD_GATEWAY, Fault.INVALID_FORM_BODY);
      rig.send(hook, LaneRig.text("one"));
      rig.send(hook, LaneRig.text("two"));
      rig.start();
      rig.runUntil(() -> rig.spool.deliveredCount() + rig.spool.deadLetterCount() == 2);
      assertThat(rig.spool.deadLetters(10)).singleElement()
          .satisfies(d -> assertThat(d.reason()).contains("400").contains("50035"));
      assertThat(fake.received()).extracting(j -> j.get("content").asText()).containsExactly("two");
      assertThat(rig.metrics.retryCount()).isEqualTo(2);
      assertThat(rig.lanes.health().lastErrorByWebhook().get("950").detail()).contains("50035");
    }
  }

  @Test
  void aBacklogOfEmbedsIsCoalescedInOrder_andAnOverlongOneIsSplit() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress hook = rig.hook("990");
      for (int i = 0; i < 35; i++) {
        rig.send(hook, LaneRig.embed("e" + i));
      }
      rig.send(hook, LaneRig.text("x".repeat(4500)));
      rig.start();
      rig.runUntil(() -> rig.spool.deliveredCount() == 36);
      List<JsonNode> received = rig.fake("990").received();
      assertThat(received.stream().flatMap(j -> titles(j).stream())).containsExactlyElementsOf(range("e", 35));
      assertThat(received).hasSize(4 + 3);
      assertThat(received.get(6).get("content").asText()).startsWith("(3/3)");
      assertThat(rig.discord.requestsInsideAnnouncedWait()).isZero();
    }
  }

  private static List<String> titles(JsonNode message) {
    List<String> out = new ArrayList<>();
    message.path("embeds").forEach(e -> out.add(e.path("title").asText()));
    return out;
  }

  private static List<String> range(String prefix, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(prefix + i);
    }
    return out;
  }

  @SuppressWarnings("unused")
  private static long statusCount(List<RecordedCall> calls) {
    return calls.size();
  }
}
