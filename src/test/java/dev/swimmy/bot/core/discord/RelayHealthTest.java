package dev.swimmy.bot.core.discord;

import static dev.swimmy.bot.core.discord.CoreFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.relay.FailureReason;
import dev.swimmy.bot.core.relay.RelayFigures;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelayHealthTest {
  static LanesHealth lanes(long delivered, long p99) {
    return new LanesHealth(T0, delivered, 4, 2, Map.of("serverError", 3L, "timeout", 1L), 20, 60, p99, 12,
        Map.of("777", new LanesHealth.LastError(T0, FailureReason.AUTH_ERROR, "404 Unknown Webhook")),
        Set.of("777"), 0, Optional.empty(), 1, 1);
  }

  static RelayHealth health(LanesHealth s, SpoolStats stats, RelayFigures.Intake intake, List<DeadWebhook> dead,
      Duration slo) {
    return RelayHealth.of(RelayFigures.of(T0, stats, intake, s), s, stats, dead, slo, Optional.empty(), Map.of());
  }

  @Test
  void theRelaysParts_makeOneSnapshot_withTheFiguresDefinitions() {
    RelayHealth h = health(lanes(96, 900), new SpoolStats(5, 1, 3, 1, Optional.of(T0.minusSeconds(40))),
        new RelayFigures.Intake(2, 7, 9, 1), List.of(new DeadWebhook("777", "404", T0)), Duration.ofMillis(500));

    assertThat(h.queueLength()).isEqualTo(6);
    assertThat(h.errors()).as("4 failed attempts + 1 failed spool write").isEqualTo(5);
    assertThat(h.successRate()).as("96 delivered of 96 + 1 dead-lettered + 1 expired + 2 dropped").hasValue(0.96);
    assertThat(h.sloBreached()).isTrue();
    assertThat(h.drops()).isEqualTo(2);
    assertThat(h.rejected()).isEqualTo(7);
    assertThat(h.lastErrorByWebhook()).containsKey("777");
    assertThat(h.oldestPending()).hasValue(T0.minusSeconds(40));
  }

  @Test
  void beforeAnythingWasDelivered_latenciesAndTheSuccessRateAreUnknown_notZero() {
    RelayHealth h = health(LanesHealth.idle(T0), new SpoolStats(0, 0, 0, 0, Optional.empty()),
        new RelayFigures.Intake(0, 0, 0, 0), List.of(), Duration.ofSeconds(60));

    assertThat(h.latencyP99()).isEmpty();
    assertThat(h.successRate()).isEmpty();
    assertThat(h.sloBreached()).isFalse();
  }
}
