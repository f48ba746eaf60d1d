package dev.swimmy.bot.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.discord.PanelPolicy.ChartOnPanel;
import dev.swimmy.bot.core.discord.PanelPolicy.Edit;
import dev.swimmy.bot.core.discord.PanelPolicy.KeepChart;
import dev.swimmy.bot.core.discord.PanelPolicy.NoChart;
import dev.swimmy.bot.core.discord.PanelPolicy.UploadChart;
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
    assertThat(policy.decide(posted, newer, T0.plusSeconds(60))).isEqualTo(new Edit(42, new NoChart()));
  }

  @Test
  void aSourceChangingState_isEditedRightAway() {
    Rendered stale = new Rendered("h2", "live=STALE");
    assertThat(policy.decide(posted, stale, T0.plusSeconds(1))).isEqualTo(new Edit(42, new NoChart()));
  }

  @Test
  void aPanelRestoredFromDisk_isEditedOnTheFirstTick() {
    assertThat(policy.decide(Memory.restored(7), ok, T0)).isEqualTo(new Edit(7, new NoChart()));
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

  // --- the panel's chart -------------------------------------------------------------------------

  final Rendered charted = new Rendered("h1", "live=OK", "day-1@10:00");
  final Memory withChart = Memory.none().written(42, charted, T0, new ChartOnPanel.Uploaded("day-1@10:00", 900));

  @Test
  void aChartWhoseDataChanged_isUploadedAgain_onceTheIntervalHasPassed() {
    Rendered newer = new Rendered("h1", "live=OK", "day-1@10:05");
    assertThat(policy.decide(withChart, newer, T0.plusSeconds(10))).isEqualTo(new NoChange());
    assertThat(policy.decide(withChart, newer, T0.plusSeconds(60))).isEqualTo(new Edit(42, new UploadChart()));
  }

  @Test
  void aTextOnlyChange_keepsTheUploadedChartByItsAttachmentId() {
    Rendered text = new Rendered("h2", "live=OK", "day-1@10:00");
    assertThat(policy.decide(withChart, text, T0.plusSeconds(60))).isEqualTo(new Edit(42, new KeepChart(900)));
  }

  @Test
  void aStateChange_editsRightAway_andUploadsOnlyIfTheChartChangedToo() {
    assertThat(policy.decide(withChart, new Rendered("h2", "live=STALE", "day-1@10:00"), T0.plusSeconds(1)))
        .isEqualTo(new Edit(42, new KeepChart(900)));
    assertThat(policy.decide(withChart, new Rendered("h2", "live=STALE", "day-1@10:01"), T0.plusSeconds(1)))
        .isEqualTo(new Edit(42, new UploadChart()));
  }

  @Test
  void anUnchangedChart_andText_areOnlyVerified() {
    assertThat(policy.decide(withChart, charted, T0.plusSeconds(30))).isEqualTo(new NoChange());
    assertThat(policy.decide(withChart, charted, T0.plusSeconds(60))).isEqualTo(new Verify(42));
  }

  @Test
  void aChartThatWentAway_isDroppedFromThePanel() {
    Rendered none = new Rendered("h2", "live=OK");
    assertThat(policy.decide(withChart, none, T0.plusSeconds(60))).isEqualTo(new Edit(42, new NoChart()));
  }

  @Test
  void afterARestart_theChartIsUploaded_orAnOldFileDropped_becauseTheFileOnThePanelIsUnknown() {
    assertThat(policy.decide(Memory.restored(7), charted, T0)).isEqualTo(new Edit(7, new UploadChart()));
    assertThat(policy.decide(Memory.restored(7), ok, T0)).isEqualTo(new Edit(7, new NoChart()));
  }

  @Test
  void chartEdit_uploadsExactlyWhenTheDataKeyDiffersFromTheUploadedOne() {
    ChartOnPanel uploaded = new ChartOnPanel.Uploaded("k1", 5);
    assertThat(PanelPolicy.chartEdit(uploaded, "k1")).isEqualTo(new KeepChart(5));
    assertThat(PanelPolicy.chartEdit(uploaded, "k2")).isEqualTo(new UploadChart());
    assertThat(PanelPolicy.chartEdit(uploaded, "")).isEqualTo(new NoChart());
    assertThat(PanelPolicy.chartEdit(new ChartOnPanel.None(), "k1")).isEqualTo(new UploadChart());
    assertThat(PanelPolicy.chartEdit(new ChartOnPanel.Unknown(), "k1")).isEqualTo(new UploadChart());
  }
}
