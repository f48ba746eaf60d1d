package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.relay.UnrecordedOutcomes.DeadLettered;
import dev.swimmy.bot.core.relay.UnrecordedOutcomes.Delivered;
import dev.swimmy.bot.core.relay.UnrecordedOutcomes.Proceed;
import dev.swimmy.bot.core.relay.UnrecordedOutcomes.WaitUntil;
import dev.swimmy.bot.core.relay.UnrecordedOutcomes.Write;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnrecordedOutcomesTest {
  private static final Instant T0 = Instant.parse("2026-02-04T00:00:00Z");

  /** Upper-end jitter, so each wait is the full step: 1 s, 2 s, 4 s ... */
  private final UnrecordedOutcomes owed = new UnrecordedOutcomes(new Backoff(
      UnrecordedOutcomes.RETRY_BASE, UnrecordedOutcomes.RETRY_CAP, ResponseClassifierTest.fixedRandom(0.999999)));

  @Test
  void nothingOwed_theLaneProceeds() {
    assertThat(owed.next(T0)).isEqualTo(new Proceed());
    assertThat(owed.isEmpty()).isTrue();
  }

  @Test
  void anOwedOutcome_isWrittenBeforeAnyNewSend_oldestFirst() {
    Delivered first = new Delivered(List.of(1L, 2L), T0);
    DeadLettered second = new DeadLettered(List.of(3L), "HTTP 400 50035", T0.plusSeconds(1));
    owed.add(first);
    owed.add(second);

    assertThat(owed.next(T0)).isEqualTo(new Write(first));
    owed.recorded(first);
    assertThat(owed.next(T0)).isEqualTo(new Write(second));
    owed.recorded(second);
    assertThat(owed.next(T0)).isEqualTo(new Proceed());
  }

  @Test
  void aFailedWrite_keepsTheOutcome_andWaitsLongerEachTimeUpToTheCap_neverProceeding() {
    Delivered d = new Delivered(List.of(7L), T0);
    owed.add(d);
    Instant now = T0;
    Duration expected = Duration.ofSeconds(1);
    for (int i = 0; i < 8; i++) {
      assertThat(owed.next(now)).isEqualTo(new Write(d));
      Instant retry = owed.writeFailed(now);
      assertThat(Duration.between(now, retry)).isEqualTo(expected);
      assertThat(owed.failuresInARow()).isEqualTo(i + 1);
      assertThat(owed.next(retry.minusMillis(1))).isEqualTo(new WaitUntil(retry));
      now = retry;
      expected = min(expected.multipliedBy(2), UnrecordedOutcomes.RETRY_CAP);
    }
    assertThat(owed.owed()).containsExactly(d);
    owed.recorded(d);
    assertThat(owed.next(now)).isEqualTo(new Proceed());
    assertThat(owed.failuresInARow()).isZero();
  }

  @Test
  void aWriteThatWorksAgain_resetsTheBackoff() {
    owed.writeFailed(T0);
    owed.writeFailed(T0);
    owed.writeSucceeded();
    assertThat(Duration.between(T0, owed.writeFailed(T0))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void failedClaimsAlone_neverHoldBackALaneThatOwesNothing_theirWaitIsTheCallers() {
    Instant retry = owed.writeFailed(T0);
    assertThat(retry).isEqualTo(T0.plusSeconds(1));
    assertThat(owed.next(T0)).isEqualTo(new Proceed());
  }

  @Test
  void onlyTheOldestOwedOutcomeCanBeMarkedRecorded() {
    Delivered first = new Delivered(List.of(1L), T0);
    owed.add(first);
    owed.add(new Delivered(List.of(2L), T0));
    assertThatThrownBy(() -> owed.recorded(new Delivered(List.of(2L), T0)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(owed.size()).isEqualTo(2);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
