package dev.swimmy.bot.edge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.relay.LaneFigures;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.testing.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lanes' health carries each lane's own figures after real deliveries through the fake Discord. */
class LanesHealthByLaneTest {
  @Test
  void oneLaneDeliversAnotherFailsEachCountsItsOwn() throws Exception {
    try (LaneRig rig = new LaneRig()) {
      WebhookAddress good = rig.hook("310");
      WebhookAddress bad = rig.hook("320");
      rig.fake("310").faults().next(Fault.cloudflareRateLimit(Duration.ofSeconds(2))); // a 429: not a failure
      rig.fake("320").faults().always(Fault.SERVER_ERROR);
      rig.start();
      for (int i = 0; i < 3; i++) {
        rig.send(good, LaneRig.text("good " + i));
      }
      rig.send(bad, LaneRig.text("bad"));

      rig.runUntil(() -> rig.spool.deliveredCount() == 3 && rig.fake("320").requests().size() >= 3);
      rig.settle();

      LanesHealth health = rig.lanes.health();
      Map<String, LaneFigures> byLane = health.byLane();
      assertThat(byLane).containsOnlyKeys("310", "320");
      LaneFigures ok = byLane.get("310");
      assertThat(ok.delivered()).isEqualTo(3);
      assertThat(ok.failed()).as("the 429 is a rate limit, not a failed attempt").isZero();
      assertThat(ok.p95Ms()).isPresent();
      assertThat(health.rateLimited()).isEqualTo(1);
      LaneFigures failing = byLane.get("320");
      assertThat(failing.delivered()).isZero();
      assertThat(failing.failed()).as("every request the failing webhook answered 500 to")
          .isEqualTo(rig.fake("320").requests().size());
      assertThat(failing.p95Ms()).isEmpty();
      assertThat(health.errors()).as("the lanes' totals agree").isEqualTo(failing.failed());
      assertThat(health.delivered()).isEqualTo(ok.delivered());
    }
  }
}
