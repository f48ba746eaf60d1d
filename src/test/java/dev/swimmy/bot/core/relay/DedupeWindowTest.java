package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DedupeWindowTest {
  private static final Instant T0 = Instant.parse("2026-02-11T03:18:19Z");

  @Test
  void aKeyIsADuplicateWithinTheWindowOnly() {
    DedupeWindow window = new DedupeWindow(Duration.ofSeconds(180), 100);
    DedupeWindow.Staged first = window.stage(T0);
    assertThat(first.claim("k")).isTrue();
    assertThat(first.claim("k")).as("twice in one batch").isFalse();
    first.apply();

    assertThat(window.stage(T0.plusSeconds(179)).claim("k")).isFalse();
    assertThat(window.stage(T0.plusSeconds(180)).claim("k")).isTrue();
  }

  @Test
  void aBatchThatIsNeverApplied_claimsNothing() {
    DedupeWindow window = new DedupeWindow(Duration.ofSeconds(180), 100);
    assertThat(window.stage(T0).claim("k")).isTrue();

    assertThat(window.stage(T0).claim("k")).as("the first batch rolled back").isTrue();
    assertThat(window.size()).isZero();
  }

  @Test
  void pastItsCapacity_theWindowForgetsTheOldestKeysAndCountsThem() {
    DedupeWindow window = new DedupeWindow(Duration.ofSeconds(180), 2);
    window.load("a", T0.toEpochMilli());
    DedupeWindow.Staged batch = window.stage(T0.plusSeconds(1));
    batch.claim("b");
    batch.claim("c");
    batch.apply();

    assertThat(window.size()).isEqualTo(2);
    assertThat(window.evicted()).isEqualTo(1);
    assertThat(window.stage(T0.plusSeconds(2)).claim("a")).isTrue();
    assertThat(window.stage(T0.plusSeconds(2)).claim("c")).isFalse();
  }

  @Test
  void keysPastTheWindow_leaveItOnTheNextApply() {
    DedupeWindow window = new DedupeWindow(Duration.ofSeconds(180), 100);
    window.load("old", T0.toEpochMilli());
    window.stage(T0.plusSeconds(200)).apply();
    assertThat(window.size()).isZero();
  }
}
