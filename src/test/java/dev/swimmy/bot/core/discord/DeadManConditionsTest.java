package dev.swimmy.bot.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.discord.AlertCondition.Key;
import dev.swimmy.bot.core.discord.StatusViews.Silence;
import dev.swimmy.bot.core.discord.StatusViews.SourceCondition;
import dev.swimmy.bot.core.status.Issue;
import dev.swimmy.bot.core.status.LastGood;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.ReadOutcome;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.testing.EngineLiveStatus;
import dev.swimmy.bot.testing.StatusFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dead-man alerts from plain reports: which source states are a {@code SOURCE_DEAD} condition
 * (FX calendar, 180 s stale-after for the live status), what the alert says, and the episode a
 * closed market holds open silently.
 */
class DeadManConditionsTest {
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Duration STALE_AFTER = Duration.ofSeconds(180);
  /** Friday 2026-11-27 16:59 New York: one minute before the FX close. */
  static final Instant FRIDAY_1659 = ny("2026-11-27T16:59:00");
  /** Wednesday 2026-11-25 10:00 New York. */
  static final Instant WEDNESDAY = ny("2026-11-25T10:00:00");

  static Instant ny(String local) {
    return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
  }

  /** The live status written at {@code ownTime}, judged at {@code now} on the FX calendar. */
  static SourceReport live(Instant ownTime, Instant now) {
    ReadOutcome read = StatusFixtures.DECODER.decode(SourceId.LIVE_STATUS,
        EngineLiveStatus.writtenAt(ownTime).getBytes(StandardCharsets.UTF_8), 2, ownTime);
    return SourceReport.decide(SourceId.LIVE_STATUS, read, null, now, STALE_AFTER, true, MarketHours.fx());
  }

  static Map<String, SourceCondition> sources(SourceReport r) {
    return Map.of(r.source().key(), SourceCondition.of(r));
  }

  @Test
  void liveStatusStaleOnAWeekday_isOneDeadManCondition_namingTheSourceAndItsOwnLastTime() {
    SourceReport r = live(WEDNESDAY, WEDNESDAY.plusSeconds(600));
    assertThat(SourceCondition.of(r).silence()).isEqualTo(Silence.DEAD);
    assertThat(SourceCondition.of(r).lastTime()).isEqualTo(WEDNESDAY);

    assertThat(AlertConditions.ofSources(sources(r))).singleElement().satisfies(c -> {
      assertThat(c.key()).isEqualTo(new Key(AlertKind.SOURCE_DEAD, "live-status"));
      assertThat(c.detail()).contains("live-status is STALE")
          .contains(WEDNESDAY.toString())
          .contains("<t:" + WEDNESDAY.getEpochSecond() + ":R>");
    });
  }

  @Test
  void liveStatusFreshOnAWeekday_isNoCondition() {
    assertThat(AlertConditions.ofSources(sources(live(WEDNESDAY, WEDNESDAY.plusSeconds(60))))).isEmpty();
  }

  @Test
  void liveStatusFreshAtFridaysClose_isNoConditionAllWeekend() {
    for (String at : List.of("2026-11-27T17:30:00", "2026-11-28T12:00:00", "2026-11-29T16:59:00")) {
      SourceReport r = live(FRIDAY_1659, ny(at));
      assertThat(r.state().name()).as(at).isEqualTo("MARKET_CLOSED");
      assertThat(SourceCondition.of(r).silence()).as(at).isEqualTo(Silence.NONE);
      assertThat(AlertConditions.ofSources(sources(r))).as(at).isEmpty();
    }
  }

  @Test
  void afterTheReopen_stalenessCountsFromTheOpen() {
    Instant open = ny("2026-11-29T17:00:00");
    assertThat(AlertConditions.ofSources(sources(live(FRIDAY_1659, open.plusSeconds(170))))).isEmpty();
    assertThat(AlertConditions.ofSources(sources(live(FRIDAY_1659, open.plusSeconds(200)))))
        .extracting(AlertCondition::kind).containsExactly(AlertKind.SOURCE_DEAD);
  }

  @Test
  void staleAtTheClose_isSilentOverTheWeekend_notDead() {
    SourceReport r = live(WEDNESDAY, ny("2026-11-28T12:00:00"));
    assertThat(r.state().name()).isEqualTo("STALE");
    assertThat(SourceCondition.of(r).silence()).isEqualTo(Silence.MARKET_CLOSED);
    assertThat(AlertConditions.ofSources(sources(r))).isEmpty();
  }

  @Test
  void aRequiredMissingSource_isDead_withNeverOrItsLastGoodTime() {
    SourceReport never = StatusFixtures.missing(SourceId.BACKTEST_CACHE, null);
    assertThat(AlertConditions.ofSources(sources(never))).singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("backtest-cache is MISSING").contains("never"));

    SourceReport lastGood = SourceReport.decide(SourceId.LIVE_STATUS,
        new ReadOutcome.Bad(new Issue.Missing("live_status.sexp")),
        new LastGood(StatusFixtures.snapshot(SourceId.LIVE_STATUS, "live_status/fresh.sexp"), true),
        StatusFixtures.NOW.plusSeconds(600), STALE_AFTER);
    assertThat(AlertConditions.ofSources(sources(lastGood))).singleElement()
        .satisfies(c -> assertThat(c.detail()).contains("MISSING").contains(StatusFixtures.NOW.toString()));
  }

  @Test
  void anOptionalSource_missingOrStale_isNeverACondition() {
    SourceReport missing = StatusFixtures.missing(SourceId.SYSTEM_METRICS, null);
    SourceReport stale = SourceReport.decide(SourceId.SYSTEM_METRICS,
        StatusFixtures.outcome(SourceId.SYSTEM_METRICS, "system_metrics/stale-2h.sexp"), null,
        StatusFixtures.NOW, Duration.ofSeconds(300), false, MarketHours.always());
    assertThat(stale.state().name()).isEqualTo("STALE");
    for (SourceReport r : List.of(missing, stale)) {
      assertThat(SourceCondition.of(r).silence()).isEqualTo(Silence.NONE);
      assertThat(AlertConditions.ofSources(sources(r))).isEmpty();
    }
  }

  /**
   * Stale on Wednesday, still silent over the weekend, written again on Monday: one alert, no
   * recovery while the market is closed (nothing was written, so it would lie), no second alert at
   * the reopen, one recovery once it is written.
   */
  @Test
  void anEpisodeOpenAtTheClose_isHeldSilentlyOverTheWeekend_andRecoversOnceWhenWritten() {
    Instant ownTime = ny("2026-11-25T10:00:00");
    Journal j = new Journal();
    j.at(ownTime, ny("2026-11-25T10:05:00"));
    j.at(ownTime, ny("2026-11-25T10:06:00"));
    assertThat(j.sent).containsExactly("raised");

    for (String at : List.of("2026-11-27T17:01:00", "2026-11-27T18:00:00", "2026-11-28T12:00:00",
        "2026-11-29T16:00:00")) {
      j.at(ownTime, ny(at));
    }
    assertThat(j.sent).as("over the weekend").containsExactly("raised");
    assertThat(j.open).containsKey(new Key(AlertKind.SOURCE_DEAD, "live-status"));

    j.at(ownTime, ny("2026-11-29T17:10:00"));
    assertThat(j.sent).as("at the reopen, still silent").containsExactly("raised");

    Instant written = ny("2026-11-30T09:00:00");
    j.at(written, written.plusSeconds(10));
    j.at(written, written.plusSeconds(10).plus(AlertKind.SOURCE_DEAD.quiet()));
    j.at(written, written.plusSeconds(20).plus(AlertKind.SOURCE_DEAD.quiet()));
    assertThat(j.sent).containsExactly("raised", "recovered");
  }

  @Test
  void anEpisodeNotYetAnnouncedAtTheClose_endsSilently() {
    Instant ownTime = ny("2026-11-27T16:50:00");
    Journal j = new Journal();
    j.at(ownTime, ny("2026-11-27T16:53:30")); // stale, within the grace
    j.at(ownTime, ny("2026-11-27T17:00:30")); // closed: stale at the close, silent
    for (String at : List.of("2026-11-27T18:00:00", "2026-11-28T12:00:00")) {
      j.at(ownTime, ny(at));
    }
    assertThat(j.sent).isEmpty();
    assertThat(j.open).isEmpty();
  }

  @Test
  void theAlertRendersWithTheSourceInItsTitle() {
    AlertCondition c = AlertConditions.ofSources(sources(live(WEDNESDAY, WEDNESDAY.plusSeconds(600))))
        .iterator().next();
    var embed = AlertView.render(new AlertEvent.Raised(c, WEDNESDAY)).embeds().get(0);
    assertThat(embed.title()).contains("Status source silent").contains("live-status");
    assertThat(embed.description()).contains(WEDNESDAY.toString());
  }

  /** The episode rule run the way AdminAlerts runs it, over plain reports. */
  static final class Journal {
    Map<Key, AlertEpisode> open = Map.of();
    final List<String> sent = new ArrayList<>();

    void at(Instant ownTime, Instant now) {
      Map<String, SourceCondition> sources = sources(live(ownTime, now));
      var current = new java.util.LinkedHashSet<>(AlertConditions.ofSources(sources));
      current.addAll(AlertConditions.heldWhileMarketClosed(open.values(), sources));
      AlertEpisodes.Step step = AlertEpisodes.observe(open, current, now);
      open = step.open();
      step.announce().forEach(e -> sent.add(e instanceof AlertEvent.Recovered ? "recovered" : "raised"));
    }
  }
}
