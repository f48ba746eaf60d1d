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
    NotifierHealth h = CoreFakes.health(List.of(new DeadWebhook("111", "404", T0)), Optional.of(Duration.ofSeconds(9)));
    var conditions = AlertConditions.of(h, Map.of(
        "live-status", new SourceCondition("SCHEMA_MISMATCH", "expected 2, found 3"),
        "system-metrics", new SourceCondition("STALE", "")));
    assertThat(conditions).extracting(AlertCondition::kind)
        .containsExactlyInAnyOrder(AlertKind.DEAD_WEBHOOK, AlertKind.LATENCY_SLO, AlertKind.SOURCE_BROKEN);
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
