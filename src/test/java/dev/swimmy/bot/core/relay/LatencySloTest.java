package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatencySloTest {
  private static final Instant T0 = Instant.parse("2026-02-04T00:00:00Z");

  @Test
  void aBreachRaisesOncePerEpisode_andRecoversAfterAQuietPeriod() {
    LatencySlo slo = new LatencySlo(Duration.ofSeconds(30), Duration.ofMinutes(1));
    assertThat(slo.observe(Duration.ofSeconds(1), T0)).isEmpty();
    assertThat(slo.observe(Duration.ofSeconds(40), T0)).contains(LatencySlo.Transition.BREACHED);
    assertThat(slo.observe(Duration.ofSeconds(90), T0.plusSeconds(5))).isEmpty();
    assertThat(slo.observe(Duration.ofSeconds(1), T0.plusSeconds(30))).isEmpty();
    assertThat(slo.observe(Duration.ofSeconds(1), T0.plusSeconds(65))).contains(LatencySlo.Transition.RECOVERED);
    assertThat(slo.observe(Duration.ofSeconds(31), T0.plusSeconds(70))).contains(LatencySlo.Transition.BREACHED);
  }
}
