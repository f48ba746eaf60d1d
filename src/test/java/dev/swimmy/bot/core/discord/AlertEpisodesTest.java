package dev.swimmy.bot.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.discord.AlertCondition.Key;
import dev.swimmy.bot.core.discord.AlertEpisodes.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The episode rule as plain data: open episodes and an observation in, the step out. */
class AlertEpisodesTest {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  final AlertCondition dead = new AlertCondition(AlertKind.DEAD_WEBHOOK, "111", "404 Unknown Webhook");
  final AlertCondition slow = new AlertCondition(AlertKind.LATENCY_SLO, "", "p99 90 s over SLO 60 s");
  final AlertCondition parse = new AlertCondition(AlertKind.SOURCE_BROKEN, "live-status", "PARSE_ERROR");
  final AlertCondition rebuilt = new AlertCondition(AlertKind.INTAKE_REBUILT, "", "no heartbeat for 3 intervals");

  Map<Key, AlertEpisode> open = Map.of();

  Step observe(Instant at, AlertCondition... current) {
    Step s = AlertEpisodes.observe(open, Set.of(current), at);
    open = s.open();
    return s;
  }

  Step event(Instant at, AlertCondition e) {
    Step s = AlertEpisodes.event(open, e, at);
    open = s.open();
    return s;
  }

  @Test
  void aDeadWebhook_isAnnouncedOncePerEpisode_andSavedOnce() {
    Step first = observe(T0, dead);
    assertThat(first.announce()).containsExactly(new AlertEvent.Raised(dead, T0));
    assertThat(first.save()).containsExactly(new AlertEpisode(dead, T0, T0, true));
    assertThat(observe(T0.plusSeconds(10), dead).announce()).isEmpty();
    Step third = observe(T0.plusSeconds(20), dead);
    assertThat(third.announce()).isEmpty();
    assertThat(third.save()).as("a sighting is not a write").isEmpty();
  }

  @Test
  void aClearedEpisode_sendsOneRecovery_isRemoved_andANewEpisodeIsAnnouncedAgain() {
    observe(T0, dead);
    Step cleared = observe(T0.plusSeconds(30));
    assertThat(cleared.announce()).containsExactly(new AlertEvent.Recovered(dead, T0, T0.plusSeconds(30)));
    assertThat(cleared.remove()).containsExactly(dead.key());
    assertThat(observe(T0.plusSeconds(40)).announce()).isEmpty();
    assertThat(observe(T0.plusSeconds(50), dead).announce()).containsExactly(new AlertEvent.Raised(dead, T0.plusSeconds(50)));
  }

  @Test
  void aSourceBrokenShorterThanItsGrace_sendsNothing_butItsEpisodeIsKeptMeanwhile() {
    Step first = observe(T0, parse);
    assertThat(first.announce()).isEmpty();
    assertThat(first.save()).containsExactly(new AlertEpisode(parse, T0, T0, false));
    Step gone = observe(T0.plusSeconds(60));
    assertThat(gone.announce()).isEmpty();
    assertThat(gone.remove()).containsExactly(parse.key());
  }

  @Test
  void aSourceStuckBroken_isAnnouncedOnceItsGraceHasPassed_countedFromTheFirstSighting() {
    observe(T0, parse);
    assertThat(observe(T0.plus(AlertKind.SOURCE_BROKEN.grace()).minusSeconds(1), parse).announce()).isEmpty();
    Step due = observe(T0.plus(AlertKind.SOURCE_BROKEN.grace()), parse);
    assertThat(due.announce()).containsExactly(new AlertEvent.Raised(parse, T0));
    assertThat(due.save()).extracting(AlertEpisode::announced).containsExactly(true);
  }

  @Test
  void latencyThatFlapsWithinItsQuietTime_isOneEpisode_recoveredOnceQuietLongEnough() {
    Duration grace = AlertKind.LATENCY_SLO.grace();
    Duration quiet = AlertKind.LATENCY_SLO.quiet();
    observe(T0, slow);
    assertThat(observe(T0.plus(grace), slow).announce()).hasSize(1);
    Instant last = T0.plus(grace).plusSeconds(60);
    assertThat(observe(last, slow).announce()).isEmpty();
    assertThat(observe(last.plusSeconds(30)).announce()).as("under the SLO, not yet quiet").isEmpty();
    assertThat(observe(last.plusSeconds(60), slow).announce()).as("back over: same episode").isEmpty();
    assertThat(observe(last.plusSeconds(60).plus(quiet).minusSeconds(1)).announce()).isEmpty();
    assertThat(observe(last.plusSeconds(60).plus(quiet)).announce())
        .containsExactly(new AlertEvent.Recovered(slow, T0, last.plusSeconds(60).plus(quiet)));
    assertThat(open).isEmpty();
  }

  @Test
  void anEvent_isAnnouncedOnce_repeatsWithinItsQuietTimeAreNot_andItEndsSilently() {
    Duration quiet = AlertKind.INTAKE_REBUILT.quiet();
    assertThat(event(T0, rebuilt).announce()).containsExactly(new AlertEvent.Raised(rebuilt, T0));
    assertThat(event(T0.plusSeconds(60), rebuilt).announce()).isEmpty();
    assertThat(observe(T0.plusSeconds(60).plus(quiet).minusSeconds(1)).remove()).isEmpty();
    Step ended = observe(T0.plusSeconds(60).plus(quiet));
    assertThat(ended.remove()).containsExactly(rebuilt.key());
    assertThat(ended.announce()).as("an event has no recovery").isEmpty();
    assertThat(event(T0.plus(quiet.multipliedBy(3)), rebuilt).announce()).hasSize(1);
  }

  @Test
  void anEventPastItsQuietTime_isAnnouncedAgain_evenBeforeAPollEndedIt() {
    event(T0, rebuilt);
    Step again = event(T0.plus(AlertKind.INTAKE_REBUILT.quiet()), rebuilt);
    assertThat(again.announce()).containsExactly(new AlertEvent.Raised(rebuilt, T0.plus(AlertKind.INTAKE_REBUILT.quiet())));
    assertThat(again.remove()).containsExactly(rebuilt.key());
    assertThat(again.save()).hasSize(1);
  }

  @Test
  void afterARestart_anOpenEpisodeIsNotAnnouncedAgain_andItsRecoveryIsAnnouncedOnce() {
    observe(T0, dead);
    AlertEpisode saved = new AlertEpisode(dead, T0, T0, true);
    Instant restart = T0.plus(Duration.ofHours(1));

    open = AlertEpisodes.restored(java.util.List.of(saved), restart);
    assertThat(observe(restart, dead).announce()).isEmpty();
    Step recovered = observe(restart.plusSeconds(30));
    assertThat(recovered.announce()).containsExactly(new AlertEvent.Recovered(dead, T0, restart.plusSeconds(30)));
    assertThat(observe(restart.plusSeconds(60)).announce()).isEmpty();
  }

  @Test
  void afterARestart_theQuietTimeCountsFromTheRestart() {
    AlertEpisode saved = new AlertEpisode(slow, T0, T0, true);
    Instant restart = T0.plus(Duration.ofHours(1));
    open = AlertEpisodes.restored(java.util.List.of(saved), restart);
    assertThat(observe(restart.plusSeconds(1)).announce()).isEmpty();
    assertThat(observe(restart.plus(AlertKind.LATENCY_SLO.quiet())).announce()).hasSize(1);
  }

  @Test
  void subjectsAreSeparateEpisodes_andAChangedDetailIsTheSameEpisode() {
    AlertCondition other = new AlertCondition(AlertKind.DEAD_WEBHOOK, "222", "401");
    assertThat(observe(T0, dead, other).announce()).hasSize(2);
    AlertCondition sameButNewDetail = new AlertCondition(AlertKind.DEAD_WEBHOOK, "111", "403");
    assertThat(observe(T0.plusSeconds(5), sameButNewDetail, other).announce()).isEmpty();
    assertThat(AlertEpisodes.active(open)).containsExactlyInAnyOrder(sameButNewDetail, other);
    assertThat(observe(T0.plusSeconds(6), other).announce())
        .containsExactly(new AlertEvent.Recovered(sameButNewDetail, T0, T0.plusSeconds(6)));
  }
}
