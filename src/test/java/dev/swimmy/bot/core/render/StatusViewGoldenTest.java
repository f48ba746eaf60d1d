package dev.swimmy.bot.core.render;

import static dev.swimmy.bot.core.status.SourceId.BACKTEST_CACHE;
import static dev.swimmy.bot.core.status.SourceId.LIVE_STATUS;
import static dev.swimmy.bot.core.status.SourceId.SYSTEM_METRICS;
import static dev.swimmy.bot.testing.StatusFixtures.NOW;
import static dev.swimmy.bot.testing.StatusFixtures.missing;
import static dev.swimmy.bot.testing.StatusFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.StatusBoard;
import dev.swimmy.bot.testing.Goldens;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code /status} view of every fixture, state and section, against golden JSON under {@code
 * src/test/resources/golden/render/}. Regenerate with {@code -Dswimmy.updateGoldens=true} (see
 * {@link Goldens}) and review the diff.
 */
class StatusViewGoldenTest {
  private static final SourceReport LIVE_OK = report(LIVE_STATUS, "live_status/fresh.sexp");
  private static final SourceReport METRICS_OK = report(SYSTEM_METRICS, "system_metrics/typical.sexp");
  private static final SourceReport BACKTEST_OK = report(BACKTEST_CACHE, "backtest_cache/small.sexp");

  static Stream<Arguments> views() {
    return Stream.of(
        view("all-ok", StatusSection.OVERVIEW, LIVE_OK, METRICS_OK, BACKTEST_OK),
        view("all-ok", StatusSection.PNL, LIVE_OK, METRICS_OK, BACKTEST_OK),
        view("all-ok", StatusSection.MARKET, LIVE_OK, METRICS_OK, BACKTEST_OK),
        view("all-ok", StatusSection.WARMUP, LIVE_OK, METRICS_OK, BACKTEST_OK),
        view("all-ok", StatusSection.SYSTEM, LIVE_OK, METRICS_OK, BACKTEST_OK),
        view("all-ok", StatusSection.BACKTEST, LIVE_OK, METRICS_OK, BACKTEST_OK),
        view("stale", StatusSection.OVERVIEW, report(LIVE_STATUS, "live_status/stale-1h.sexp"),
            report(SYSTEM_METRICS, "system_metrics/stale-2h.sexp"), BACKTEST_OK),
        view("clock-skew", StatusSection.OVERVIEW,
            report(LIVE_STATUS, "live_status/future-clock-skew.sexp"), METRICS_OK, BACKTEST_OK),
        view("parse-error-after-good-read", StatusSection.OVERVIEW,
            report(LIVE_STATUS, "live_status/truncated.sexp", "live_status/stale-1h.sexp", false),
            METRICS_OK, BACKTEST_OK),
        view("parse-error-after-good-read", StatusSection.PNL,
            report(LIVE_STATUS, "live_status/truncated.sexp", "live_status/stale-1h.sexp", false),
            METRICS_OK, BACKTEST_OK),
        view("parse-error-last-good-from-disk", StatusSection.OVERVIEW,
            report(LIVE_STATUS, "live_status/garbage.sexp", "live_status/fresh.sexp", true),
            METRICS_OK, BACKTEST_OK),
        view("garbage-no-last-good", StatusSection.OVERVIEW,
            report(LIVE_STATUS, "live_status/garbage.sexp"), METRICS_OK, BACKTEST_OK),
        view("empty-no-last-good", StatusSection.PNL,
            report(LIVE_STATUS, "live_status/empty.sexp"), METRICS_OK, BACKTEST_OK),
        view("schema-newer", StatusSection.OVERVIEW,
            report(LIVE_STATUS, "live_status/schema-v3.sexp", "live_status/fresh.sexp", false),
            report(SYSTEM_METRICS, "system_metrics/schema-v2.sexp"), BACKTEST_OK),
        view("schema-older", StatusSection.OVERVIEW,
            report(LIVE_STATUS, "live_status/schema-v1.sexp"), METRICS_OK, BACKTEST_OK),
        view("file-deleted", StatusSection.OVERVIEW,
            missing(LIVE_STATUS, "live_status/fresh.sexp"), METRICS_OK, missing(BACKTEST_CACHE, null)),
        view("all-missing", StatusSection.OVERVIEW, missing(LIVE_STATUS, null),
            missing(SYSTEM_METRICS, null), missing(BACKTEST_CACHE, null)),
        view("all-missing", StatusSection.SYSTEM, missing(LIVE_STATUS, null),
            missing(SYSTEM_METRICS, null), missing(BACKTEST_CACHE, null)),
        view("metrics-required-missing", StatusSection.OVERVIEW, LIVE_OK,
            missing(SYSTEM_METRICS, null, true), BACKTEST_OK),
        board("metrics-not-written-bot-figures", StatusSection.OVERVIEW, StatusViewMarketTest.botBoard()),
        board("metrics-not-written-bot-figures", StatusSection.SYSTEM, StatusViewMarketTest.botBoard()),
        board("market-closed", StatusSection.OVERVIEW, StatusViewMarketTest.marketClosedBoard()),
        board("market-reopened", StatusSection.OVERVIEW, StatusViewMarketTest.justReopenedBoard()),
        view("negative-pnl", StatusSection.PNL,
            report(LIVE_STATUS, "live_status/negative-double-pnl.sexp"), METRICS_OK, BACKTEST_OK),
        view("warmup-incomplete", StatusSection.WARMUP,
            report(LIVE_STATUS, "live_status/warmup-incomplete.sexp"), METRICS_OK, BACKTEST_OK),
        view("backtest-empty", StatusSection.BACKTEST, LIVE_OK, METRICS_OK,
            report(BACKTEST_CACHE, "backtest_cache/empty-entries.sexp")),
        view("backtest-20k", StatusSection.OVERVIEW, LIVE_OK, METRICS_OK,
            report(BACKTEST_CACHE, "backtest_cache/large-20k.sexp")),
        view("backtest-20k", StatusSection.BACKTEST, LIVE_OK, METRICS_OK,
            report(BACKTEST_CACHE, "backtest_cache/large-20k.sexp")));
  }

  private static Arguments view(String name, StatusSection section, SourceReport live,
      SourceReport metrics, SourceReport backtest) {
    return Arguments.of(name + "." + section.optionName(), section,
        new StatusBoard(live, metrics, backtest, NOW));
  }

  private static Arguments board(String name, StatusSection section, StatusBoard board) {
    return Arguments.of(name + "." + section.optionName(), section, board);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("views")
  void view_matchesItsGoldenAndFitsDiscord(String name, StatusSection section, StatusBoard board) {
    Message m = StatusView.render(board, section);
    assertThat(DiscordLimits.violations(m)).isEmpty();
    Goldens.assertMatches("render/" + name + ".json", DiscordJson.toJson(m) + "\n");
  }
}
