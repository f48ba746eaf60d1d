package dev.swimmy.bot.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.health.Liveness.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LivenessTest {
  private static final Instant T0 = Instant.parse("2026-11-29T06:00:00Z");
  private static final Duration WINDOW = Duration.ofSeconds(15);

  private static Pulse turned(String part, int secondsAgo) {
    return new Pulse.Turned(part, T0.minusSeconds(secondsAgo), WINDOW);
  }

  @Test
  void aLoopThatTurnedWithinItsWindow_isAlive_andOneSilentPastIt_isWedged() {
    assertThat(Liveness.check(List.of(turned("PULL loop", 15)), T0).healthy()).isTrue();
    Verdict v = Liveness.check(List.of(turned("PULL loop", 16), turned("lane timer", 1)), T0);
    assertThat(v.healthy()).isFalse();
    assertThat(v.parts()).containsExactly("PULL loop");
    assertThat(v.wedged().get(0).describe())
        .isEqualTo("PULL loop (no sign of life for 16 s, window 15 s)");
  }

  @Test
  void anIdleWorker_isAlive_however_longItWaits_butOneBusyPastItsWindow_isWedged() {
    Pulse idle = new Pulse.Busy("spool writer", Optional.empty(), WINDOW);
    Pulse working = new Pulse.Busy("spool writer", Optional.of(T0.minusSeconds(3)), WINDOW);
    Pulse stuck = new Pulse.Busy("spool writer", Optional.of(T0.minusSeconds(40)), WINDOW);
    assertThat(Liveness.check(List.of(idle), T0).healthy()).isTrue();
    assertThat(Liveness.check(List.of(working), T0).healthy()).isTrue();
    assertThat(Liveness.check(List.of(stuck), T0).parts()).containsExactly("spool writer");
  }

  @Test
  void aSignOfLifeInTheFuture_countsAsNow() {
    assertThat(Liveness.check(List.of(turned("status refresh", -600)), T0).healthy()).isTrue();
  }

  @Test
  void episodes_nameANewlyWedgedPartOnce_andItsRecovery() {
    Verdict first = Liveness.check(List.of(turned("PULL loop", 20), turned("status refresh", 1)), T0);
    Verdict second = Liveness.check(List.of(turned("PULL loop", 25), turned("status refresh", 30)), T0);
    Verdict third = Liveness.check(List.of(turned("PULL loop", 1), turned("status refresh", 31)), T0);

    assertThat(first.newSince(Liveness.healthy())).extracting(Liveness.Wedged::part).containsExactly("PULL loop");
    assertThat(second.newSince(first)).extracting(Liveness.Wedged::part).containsExactly("status refresh");
    assertThat(second.recoveredSince(first)).isEmpty();
    assertThat(third.newSince(second)).isEmpty();
    assertThat(third.recoveredSince(second)).containsExactly("PULL loop");
  }

  @Test
  void aWindowMustBePositive() {
    assertThatThrownBy(() -> new Pulse.Turned("x", T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
