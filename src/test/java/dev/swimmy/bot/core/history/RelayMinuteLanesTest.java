package dev.swimmy.bot.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RelayMinute#between} per lane: counts during the minute, active lanes only, restarts. */
class RelayMinuteLanesTest {
  private static final Instant T = Instant.parse("2026-11-25T10:01:00.200Z");

  private static RelayMinute.Counters at(Instant t, Map<String, RelayMinute.Lane> lanes) {
    return new RelayMinute.Counters(t, 0, 0, 0, null, lanes);
  }

  @Test
  void aLanesMinuteIsItsCountsSinceThePreviousSampleAndItsP95AtTheEnd() {
    RelayMinute m = RelayMinute.between(
        at(T.minusSeconds(60), Map.of("a", new RelayMinute.Lane(10, 2, 30L), "b", new RelayMinute.Lane(4, 0, 7L))),
        at(T, Map.of("a", new RelayMinute.Lane(13, 3, 35L), "b", new RelayMinute.Lane(4, 0, 7L),
            "c", new RelayMinute.Lane(0, 2, null))));
    assertThat(m.minute()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(m.byLane()).as("b did nothing during the minute; c is new")
        .isEqualTo(Map.of("a", new RelayMinute.Lane(3, 1, 35L), "c", new RelayMinute.Lane(0, 2, null)));
  }

  @Test
  void aLaneWhoseTotalsWentDownStartedAgainItsTotalIsTheMinutes() {
    RelayMinute m = RelayMinute.between(at(T.minusSeconds(60), Map.of("a", new RelayMinute.Lane(10, 5, 30L))),
        at(T, Map.of("a", new RelayMinute.Lane(2, 0, 8L))));
    assertThat(m.byLane()).isEqualTo(Map.of("a", new RelayMinute.Lane(2, 0, 8L)));
    assertThat(RelayMinute.between(null, at(T, Map.of("a", new RelayMinute.Lane(1, 0, 8L)))).byLane())
        .as("the first sample since start").containsOnlyKeys("a");
  }

  @Test
  void aLaneWithMessagesQueued_isInTheMinuteEvenIdle_withItsQueueAtTheEnd() {
    RelayMinute m = RelayMinute.between(
        at(T.minusSeconds(60), Map.of("a", new RelayMinute.Lane(10, 2, 30L, 0), "b", new RelayMinute.Lane(4, 0, 7L, 9))),
        at(T, Map.of("a", new RelayMinute.Lane(10, 2, 30L, 0), "b", new RelayMinute.Lane(4, 0, 7L, 12))));
    assertThat(m.byLane()).as("a idle with nothing queued is left out; b is stuck with 12 queued")
        .isEqualTo(Map.of("b", new RelayMinute.Lane(0, 0, 7L, 12)));
  }
}
