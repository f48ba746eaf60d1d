package dev.swimmy.bot.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertEpisodesTest {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  final AlertEpisodes episodes = new AlertEpisodes();
  final AlertCondition dead = new AlertCondition(AlertKind.DEAD_WEBHOOK, "111", "404 Unknown Webhook");

  @Test
  void aDeadWebhook_isRaisedOncePerEpisode() {
    assertThat(episodes.observe(Set.of(dead), T0)).containsExactly(new AlertEvent.Raised(dead, T0));
    assertThat(episodes.observe(Set.of(dead), T0.plusSeconds(10))).isEmpty();
    assertThat(episodes.observe(Set.of(dead), T0.plusSeconds(20))).isEmpty();
  }

  @Test
  void aClearedEpisode_sendsOneRecovery_andANewEpisodeRaisesAgain() {
    episodes.observe(Set.of(dead), T0);
    assertThat(episodes.observe(Set.of(), T0.plusSeconds(30)))
        .containsExactly(new AlertEvent.Recovered(dead, T0, T0.plusSeconds(30)));
    assertThat(episodes.observe(Set.of(), T0.plusSeconds(40))).isEmpty();
    assertThat(episodes.observe(Set.of(dead), T0.plusSeconds(50))).hasSize(1);
  }

  @Test
  void aSourceBrokenShorterThanItsGrace_sendsNothing() {
    AlertCondition parse = new AlertCondition(AlertKind.SOURCE_BROKEN, "live-status", "PARSE_ERROR");
    assertThat(episodes.observe(Set.of(parse), T0)).isEmpty();
    assertThat(episodes.observe(Set.of(), T0.plusSeconds(60))).isEmpty();
  }

  @Test
  void aSourceStuckBroken_isRaisedOnceItsGraceHasPassed() {
    AlertCondition parse = new AlertCondition(AlertKind.SOURCE_BROKEN, "live-status", "PARSE_ERROR");
    episodes.observe(Set.of(parse), T0);
    assertThat(episodes.observe(Set.of(parse), T0.plus(AlertKind.SOURCE_BROKEN.grace())))
        .containsExactly(new AlertEvent.Raised(parse, T0));
  }

  @Test
  void subjectsAreSeparateEpisodes_andAChangedDetailIsTheSameEpisode() {
    AlertCondition other = new AlertCondition(AlertKind.DEAD_WEBHOOK, "222", "401");
    assertThat(episodes.observe(Set.of(dead, other), T0)).hasSize(2);
    AlertCondition sameButNewDetail = new AlertCondition(AlertKind.DEAD_WEBHOOK, "111", "403");
    assertThat(episodes.observe(Set.of(sameButNewDetail, other), T0.plusSeconds(5))).isEmpty();
    assertThat(episodes.active()).containsExactlyInAnyOrder(sameButNewDetail, other);
  }
}
