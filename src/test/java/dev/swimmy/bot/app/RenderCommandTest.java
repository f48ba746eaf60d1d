package dev.swimmy.bot.app;

import static dev.swimmy.bot.testing.StatusFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.testing.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The {@code render} command run in-process on fixture sets laid out like an engine home, with the
 * clock fixed at the fixtures' "now". Its JSON must be exactly the core view's golden.
 */
class RenderCommandTest {
  @TempDir Path home;

  private record Run(int exit, String out, String err) {}

  private Run render(Instant now, String... args) throws IOException {
    Path config = home.resolve("config/swimmy-bot.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "home: " + home + "\n");
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        return cls == RenderCommand.class
            ? cls.cast(new RenderCommand(clock))
            : CommandLine.defaultFactory().create(cls);
      }
    };
    CommandLine cli = new CommandLine(new Main(), factory);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 3];
    full[0] = "render";
    full[1] = "--config";
    full[2] = config.toString();
    System.arraycopy(args, 0, full, 3, args.length);
    int exit = cli.execute(full);
    return new Run(exit, out.toString(), err.toString());
  }

  private void put(String relative, String fixture) throws IOException {
    Path p = home.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, Fixtures.bytes(fixture));
  }

  private void engineHome(String live, String metrics, String backtest) throws IOException {
    put(".opus/live_status.sexp", live);
    put("data/system_metrics.sexp", metrics);
    put("data/backtest_cache.sexp", backtest);
  }

  private static String golden(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/golden/render/" + name + ".json"),
        StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "--section {0}")
  @ValueSource(strings = {"overview", "pnl", "market", "warmup", "system", "backtest"})
  void renderJson_printsExactlyTheViewsDiscordBody(String section) throws IOException {
    engineHome("live_status/fresh.sexp", "system_metrics/typical.sexp", "backtest_cache/small.sexp");
    Run run = render(NOW, "--json", "--section", section);
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(golden("all-ok." + section));
  }

  @Test
  void staleFiles_areBadgedWithTheirOwnTimeAndTheRenderTimeOnlyInTheFooter() throws IOException {
    engineHome("live_status/stale-1h.sexp", "system_metrics/stale-2h.sexp", "backtest_cache/small.sexp");
    Run run = render(NOW, "--json");
    assertThat(run.out()).isEqualTo(golden("stale.overview"));
    assertThat(run.out()).contains("🟠 STALE", "2026-02-11 11:18:19 JST", "<t:1770776299:R>");
    assertThat(run.out().split("2026-02-11 12:18:19 JST", -1)).hasSize(2); // the footer alone
  }

  @Test
  void clockSkew_isFlaggedNotCalledFresh() throws IOException {
    engineHome("live_status/future-clock-skew.sexp", "system_metrics/typical.sexp",
        "backtest_cache/small.sexp");
    assertThat(render(NOW, "--json").out()).isEqualTo(golden("clock-skew.overview"));
  }

  @Test
  void parseFailureAfterAGoodRun_showsTheLastGoodTheDaemonKeptOnDisk() throws IOException {
    engineHome("live_status/fresh.sexp", "system_metrics/typical.sexp", "backtest_cache/small.sexp");
    render(NOW, "--json");
    assertThat(home.resolve("data/last_good")).as("render keeps nothing").doesNotExist();
    try (StatusService daemons = StatusService.create(
        ConfigLoader.load(home.resolve("config/swimmy-bot.yaml")).status(),
        Clock.fixed(NOW, ZoneOffset.UTC))) {
      daemons.board(); // the daemon's read keeps the last good copy
    }
    put(".opus/live_status.sexp", "live_status/truncated.sexp");
    Run run = render(NOW.plus(Duration.ofMinutes(5)), "--json");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("🔴 PARSE ERROR", "(line 1:233)",
        "Showing last good: 2026-02-11 12:18:19 JST", "(5m 0s old), itself stale, kept on disk across a restart",
        "PnL / goal (last good)");
  }

  @Test
  void schemaMismatch_namesExpectedAndFound() throws IOException {
    engineHome("live_status/schema-v3.sexp", "system_metrics/schema-v2.sexp", "backtest_cache/small.sexp");
    assertThat(render(NOW, "--json").out()).contains("🟣 SCHEMA v3≠v2", "🟣 SCHEMA v2≠v1");
  }

  @Test
  void emptyEngineHome_rendersMissingBadgesAndExitsZero() throws IOException {
    Run run = render(NOW, "--json");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(golden("all-missing.overview"));
  }

  @Test
  void backtestCacheWithoutEntries_showsItsFileMtime() throws IOException {
    engineHome("live_status/fresh.sexp", "system_metrics/typical.sexp", "backtest_cache/empty-entries.sexp");
    Files.setLastModifiedTime(home.resolve("data/backtest_cache.sexp"),
        FileTime.from(Instant.parse("2026-02-10T00:00:00Z")));
    assertThat(render(NOW, "--json", "--section", "backtest").out())
        .isEqualTo(golden("backtest-empty.backtest"));
  }

  @Test
  void largeBacktestCache_rendersItsSummary() throws IOException {
    engineHome("live_status/fresh.sexp", "system_metrics/typical.sexp", "backtest_cache/large-20k.sexp");
    assertThat(render(NOW, "--json", "--section", "backtest").out())
        .isEqualTo(golden("backtest-20k.backtest"));
  }

  @Test
  void withoutJson_printsReadableText() throws IOException {
    engineHome("live_status/fresh.sexp", "system_metrics/typical.sexp", "backtest_cache/small.sexp");
    Run run = render(NOW);
    assertThat(run.out()).startsWith("# Swimmy status\n").contains("## Live status · 🟢 OK");
  }

  @Test
  void unknownSection_exitsTwoWithAMessage() throws IOException {
    Run run = render(NOW, "--section", "weather");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown section 'weather'");
    assertThat(run.out()).isEmpty();
  }
}
