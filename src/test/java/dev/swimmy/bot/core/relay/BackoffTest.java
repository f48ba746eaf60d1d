package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delaysDoubleUntilTheCap_andJitterStaysWithinTheUpperHalf() {
    Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), ResponseClassifierTest.fixedRandom(0.0));
    Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), ResponseClassifierTest.fixedRandom(0.999999));
    assertThat(low.delay(0)).isEqualTo(Duration.ofMillis(500));
    assertThat(high.delay(0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(high.delay(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(high.delay(10)).isEqualTo(Duration.ofSeconds(30));
    assertThat(low.delay(1000)).isEqualTo(Duration.ofSeconds(15));
  }
}
