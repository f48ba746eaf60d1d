package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvalidRequestBudgetTest {
  private static final Instant T0 = Instant.parse("2026-02-04T00:00:00Z");

  @Test
  void sendingStopsAtTheLimit_andResumesAsTheWindowRolls() {
    InvalidRequestBudget budget = new InvalidRequestBudget(3, Duration.ofMinutes(10));
    budget.record(T0);
    budget.record(T0.plusSeconds(60));
    assertThat(budget.exhausted(T0.plusSeconds(61))).isFalse();
    budget.record(T0.plusSeconds(120));
    assertThat(budget.exhausted(T0.plusSeconds(121))).isTrue();
    assertThat(budget.nextRelief(T0.plusSeconds(121))).isEqualTo(T0.plusSeconds(600));
    assertThat(budget.exhausted(T0.plusSeconds(600))).isFalse();
  }

  @Test
  void theStandardBudget_stopsAtOneTenthOfDiscordsBan() {
    assertThat(InvalidRequestBudget.standard().limit()).isEqualTo(1000);
    assertThatThrownBy(() -> new InvalidRequestBudget(10_000, Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
