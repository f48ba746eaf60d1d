package dev.swimmy.bot.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.discord.PanelPolicy.Edit;
import dev.swimmy.bot.core.discord.PanelPolicy.Failure;
import dev.swimmy.bot.core.discord.PanelPolicy.Memory;
import dev.swimmy.bot.core.discord.PanelPolicy.NoChange;
import dev.swimmy.bot.core.discord.PanelPolicy.PostNew;
import dev.swimmy.bot.core.discord.PanelPolicy.Rendered;
import dev.swimmy.bot.core.discord.PanelPolicy.Replace;
import dev.swimmy.bot.core.discord.PanelPolicy.Verify;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PanelPolicyTest {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  final PanelPolicy policy = new PanelPolicy(Duration.ofSeconds(60));
  final Rendered ok = new Rendered("h1", "live=OK");
  final Memory posted = Memory.none().written(42, ok, T0);

  @Test
  void withNoPanelYet_aNewOneIsPosted() {
    assertThat(policy.decide(Memory.none(), ok, T0)).isEqualTo(new PostNew());
  }

  @Test
  void unchangedContent_isNotEditedBeforeTheInterval() {
    assertThat(policy.decide(posted, ok, T0.plusSeconds(30))).isEqualTo(new NoChange());
  }

  @Test
  void unchangedContent_isOnlyVerifiedToExistOncePerInterval() {
    assertThat(policy.decide(posted, ok, T0.plusSeconds(60))).isEqualTo(new Verify(42));
    Memory checked = posted.verified(T0.plusSeconds(60));
    assertThat(policy.decide(checked, ok, T0.plusSeconds(90))).isEqualTo(new NoChange());
  }

  @Test
  void changedContent_waitsForTheIntervalWhenNoStateChanged() {
    Rendered newer = new Rendered("h2", "live=OK");
    assertThat(policy.decide(posted, newer, T0.plusSeconds(10))).isEqualTo(new NoChange());
    assertThat(policy.decide(posted, newer, T0.plusSeconds(60))).isEqualTo(new Edit(42));
  }

  @Test
  void aSourceChangingState_isEditedRightAway() {
    Rendered stale = new Rendered("h2", "live=STALE");
    assertThat(policy.decide(posted, stale, T0.plusSeconds(1))).isEqualTo(new Edit(42));
  }

  @Test
  void aPanelRestoredFromDisk_isEditedOnTheFirstTick() {
    assertThat(policy.decide(Memory.restored(7), ok, T0)).isEqualTo(new Edit(7));
  }

  @Test
  void aDeletedPanel_isPostedAgain() {
    assertThat(policy.afterFailure(42, Failure.UNKNOWN_MESSAGE)).isEqualTo(new PostNew());
  }

  @Test
  void anEditRefusedAsTooOld_isReplacedByAFreshPanel() {
    assertThat(policy.afterFailure(42, Failure.EDIT_TOO_OLD)).isEqualTo(new Replace(42));
  }

  @Test
  void otherFailures_areRetriedOnTheNextTick() {
    assertThat(policy.afterFailure(42, Failure.OTHER)).isEqualTo(new NoChange());
  }
}
