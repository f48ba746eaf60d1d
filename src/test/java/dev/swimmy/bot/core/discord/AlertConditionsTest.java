package dev.swimmy.bot.core.discord;

import static dev.swimmy.bot.core.discord.CoreFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.discord.StatusViews.SourceCondition;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertConditionsTest {
  @Test
  void deadWebhooksSloBreachesAndBrokenSources_areConditions_staleIsNot() {
    RelayHealth h = CoreFakes.health(List.of(new DeadWebhook("111", "404", T0)), Optional.of(Duration.ofSeconds(9)));
    var conditions = AlertConditions.of(h, Map.of(
        "live-status", new SourceCondition("SCHEMA_MISMATCH", "expected 2, found 3"),
        "system-metrics", new SourceCondition("STALE", "")));
    assertThat(conditions).extracting(AlertCondition::kind)
        .containsExactlyInAnyOrder(AlertKind.DEAD_WEBHOOK, AlertKind.LATENCY_SLO, AlertKind.SOURCE_BROKEN);
  }

  @Test
  void aPendingMessageWaitingLongerThanTheSlo_isALatencyCondition_evenWithAFastP99() {
    RelayHealth stuck = health(Optional.of(T0.minusSeconds(90)));
    assertThat(AlertConditions.of(stuck, Map.of())).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(AlertKind.LATENCY_SLO);
      assertThat(c.detail()).contains("oldest pending").contains("90.0 s");
    });
    assertThat(AlertConditions.of(health(Optional.of(T0.minusSeconds(30))), Map.of())).isEmpty();
    assertThat(AlertConditions.of(health(Optional.empty()), Map.of())).isEmpty();
  }

  @Test
  void anIntakeRebuild_isAnEventKind_withoutARecovery() {
    AlertCondition e = AlertConditions.ofRelayEvent("intake-rebuilt", "Notification intake rebuilt", "no heartbeat");
    assertThat(e.kind().isEvent()).isTrue();
    var embed = AlertView.render(new AlertEvent.Raised(e, T0)).embeds().get(0);
    assertThat(embed.title()).contains("intake rebuilt");
    assertThat(embed.colour()).isEqualTo(Colors.WARN);
  }

  /** A health with a fast p99 under a 60 s SLO and the given oldest pending message. */
  static RelayHealth health(Optional<java.time.Instant> oldestPending) {
    return new RelayHealth(T0, 3, 100, 0, 0, 0, 0, 0, 0, 0, 0, Optional.of(Duration.ofMillis(40)),
        Optional.of(Duration.ofMillis(90)), Optional.of(Duration.ofMillis(200)), Duration.ofSeconds(60),
        oldestPending, 0, List.of(), Map.of(), Optional.empty());
  }

  @Test
  void anAlertAndItsRecovery_renderAsRedThenGreen() {
    AlertCondition c = new AlertCondition(AlertKind.DEAD_WEBHOOK, "111", "404");
    assertThat(AlertView.render(new AlertEvent.Raised(c, T0)).embeds().get(0).colour()).isEqualTo(Colors.BAD);
    var recovered = AlertView.render(new AlertEvent.Recovered(c, T0, T0.plusSeconds(300))).embeds().get(0);
    assertThat(recovered.colour()).isEqualTo(Colors.OK);
    assertThat(recovered.title()).contains("Recovered").contains("111");
  }
}
