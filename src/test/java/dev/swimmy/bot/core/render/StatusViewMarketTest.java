package dev.swimmy.bot.core.render;

import static dev.swimmy.bot.core.status.SourceId.BACKTEST_CACHE;
import static dev.swimmy.bot.core.status.SourceId.LIVE_STATUS;
import static dev.swimmy.bot.core.status.SourceId.SYSTEM_METRICS;
import static dev.swimmy.bot.testing.StatusFixtures.NOW;
import static dev.swimmy.bot.testing.StatusFixtures.missing;
import static dev.swimmy.bot.testing.StatusFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.status.BotFigures;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.core.status.StatusBoard;
import dev.swimmy.bot.testing.StatusFixtures;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The view of a closed market, of an optional source the engine does not write (with and without
 * the bot's own figures), and the old bot's goal remaining and warmup progress.
 */
class StatusViewMarketTest {
  /** Mon 00:00 to Wed 12:20 Tokyo: the fixtures' file (Wed 12:18:19 JST) was fresh at the close. */
  static final MarketHours SHORT_WEEK = MarketHours.weekly(ZoneId.of("Asia/Tokyo"), DayOfWeek.MONDAY,
      LocalTime.MIDNIGHT, DayOfWeek.WEDNESDAY, LocalTime.of(12, 20), Set.of());
  private static final int GREEN = 0x2ECC71;

  static SourceReport live(Instant now, MarketHours hours) {
    return SourceReport.decide(LIVE_STATUS, StatusFixtures.outcome(LIVE_STATUS, "live_status/fresh.sexp"),
        null, now, StatusFixtures.staleAfter(LIVE_STATUS), true, hours);
  }

  static SourceReport ok(SourceId id, String fixture, Instant now) {
    return SourceReport.decide(id, StatusFixtures.outcome(id, fixture), null, now,
        StatusFixtures.staleAfter(id), true, MarketHours.always());
  }

  static StatusBoard marketClosedBoard() {
    Instant thursday = Instant.parse("2026-02-12T03:00:00Z");
    return new StatusBoard(live(thursday, SHORT_WEEK), missing(SYSTEM_METRICS, null),
        ok(BACKTEST_CACHE, "backtest_cache/small.sexp", thursday), thursday);
  }

  /** The next Monday 00:01 Tokyo, a minute after the open: not yet stale. */
  static StatusBoard justReopenedBoard() {
    Instant monday = Instant.parse("2026-02-15T15:01:00Z");
    return new StatusBoard(live(monday, SHORT_WEEK), report(SYSTEM_METRICS, "system_metrics/typical.sexp"),
        ok(BACKTEST_CACHE, "backtest_cache/small.sexp", monday), monday);
  }

  static StatusBoard botBoard() {
    BotFigures bot = new BotFigures(3, 1, Duration.ofMillis(420), Duration.ofHours(5).plusMinutes(7),
        96L * 1024 * 1024, NOW);
    return new StatusBoard(report(LIVE_STATUS, "live_status/fresh.sexp"), missing(SYSTEM_METRICS, null),
        report(BACKTEST_CACHE, "backtest_cache/small.sexp"), NOW, bot);
  }

  @Test
  void aClosedMarket_isANeutralBadgeWithTheReopeningAndLeavesTheOverviewGreen() {
    StatusBoard board = marketClosedBoard();
    assertThat(board.liveStatus().state()).isEqualTo(SourceState.MARKET_CLOSED);
    Embed e = StatusView.render(board, StatusSection.OVERVIEW).embeds().get(0);
    assertThat(e.colour()).isEqualTo(GREEN);
    assertThat(e.description()).contains("⚪ MARKET CLOSED — Live status");
    // Reopens Monday 2026-02-16 00:00 JST = 2026-02-15T15:00:00Z.
    assertThat(e.fields().get(0).value()).contains("reopens <t:1771167600:R> (2026-02-16 00:00:00 JST)");
  }

  @Test
  void justAfterTheOpen_theOldFileSaysWhenItTurnsStale() {
    StatusBoard board = justReopenedBoard();
    assertThat(board.liveStatus().state()).isEqualTo(SourceState.OK);
    Embed e = StatusView.render(board, StatusSection.OVERVIEW).embeds().get(0);
    assertThat(e.fields().get(0).value())
        .contains("Market reopened <t:1771167600:R>; no write since the open (stale <t:1771167780:R>)");
  }

  @Test
  void systemMetricsNotWritten_isOneNeutralLineAndTheOverviewStaysGreen() {
    StatusBoard board = new StatusBoard(report(LIVE_STATUS, "live_status/fresh.sexp"),
        missing(SYSTEM_METRICS, null), report(BACKTEST_CACHE, "backtest_cache/small.sexp"), NOW);
    Embed e = StatusView.render(board, StatusSection.OVERVIEW).embeds().get(0);
    assertThat(e.colour()).isEqualTo(GREEN);
    assertThat(e.fields()).filteredOn(f -> f.name().startsWith("System"))
        .singleElement()
        .satisfies(f -> {
          assertThat(f.name()).isEqualTo("System metrics · ⚪ NOT WRITTEN");
          assertThat(f.value()).isEqualTo("Not written by the engine (optional source).");
        });
  }

  @Test
  void systemMetricsRequiredAndMissing_stillColoursTheOverview() {
    StatusBoard board = new StatusBoard(report(LIVE_STATUS, "live_status/fresh.sexp"),
        missing(SYSTEM_METRICS, null, true), report(BACKTEST_CACHE, "backtest_cache/small.sexp"), NOW);
    assertThat(StatusView.render(board, StatusSection.OVERVIEW).embeds().get(0).colour())
        .isEqualTo(Badge.colour(SourceState.MISSING));
  }

  @Test
  void whileMetricsAreNotWritten_theSystemBlockShowsTheBotsOwnFiguresLabelledSo() {
    Embed e = StatusView.render(botBoard(), StatusSection.OVERVIEW).embeds().get(0);
    assertThat(e.fields()).anySatisfy(f -> {
      assertThat(f.name()).isEqualTo("System (swimmy-bot's own figures)");
      assertThat(f.value()).contains("Relay queue 3", "dead webhooks 1", "Delivery p95 420 ms",
          "Uptime 5h 7m", "Heap 96.0 MB");
    });
    Embed system = StatusView.render(botBoard(), StatusSection.SYSTEM).embeds().get(0);
    assertThat(system.fields()).extracting(Field::name).contains("Relay queue (bot)", "Heap used (bot)");
  }

  @Test
  void pnl_showsTheAmountRemainingToTheGoal() {
    StatusBoard board = new StatusBoard(report(LIVE_STATUS, "live_status/fresh.sexp"),
        report(SYSTEM_METRICS, "system_metrics/typical.sexp"), report(BACKTEST_CACHE, "backtest_cache/small.sexp"), NOW);
    // goal ¥100,000 at 35.87482674 %: ¥64,125 left.
    assertThat(StatusView.render(board, StatusSection.PNL).embeds().get(0).fields())
        .anySatisfy(f -> assertThat(f.name() + "=" + f.value()).isEqualTo("Remaining to goal=¥64,125"));
    assertThat(StatusView.render(board, StatusSection.OVERVIEW).embeds().get(0).fields())
        .anySatisfy(f -> assertThat(f.value()).contains("Remaining ¥64,125"));
  }

  @Test
  void aGoalPassed_isReached() {
    StatusBoard board = new StatusBoard(report(LIVE_STATUS, "live_status/warmup-incomplete.sexp"),
        report(SYSTEM_METRICS, "system_metrics/typical.sexp"), report(BACKTEST_CACHE, "backtest_cache/small.sexp"), NOW);
    assertThat(StatusView.render(board, StatusSection.PNL).embeds().get(0).fields())
        .anySatisfy(f -> assertThat(f.name() + "=" + f.value()).isEqualTo("Remaining to goal=reached ✅"));
  }

  @Test
  void warmup_showsTradesTowardFullModeWithABar() {
    StatusBoard board = new StatusBoard(report(LIVE_STATUS, "live_status/warmup-incomplete.sexp"),
        report(SYSTEM_METRICS, "system_metrics/typical.sexp"), report(BACKTEST_CACHE, "backtest_cache/small.sexp"), NOW);
    assertThat(StatusView.render(board, StatusSection.WARMUP).embeds().get(0).fields())
        .anySatisfy(f -> assertThat(f.value()).isEqualTo("▓░░░░░░░░░ 7/50 · 43 trades until full mode"));
    assertThat(StatusView.render(board, StatusSection.OVERVIEW).embeds().get(0).fields())
        .anySatisfy(f -> assertThat(f.value()).contains("43 trades until full mode"));
  }
}
