package dev.swimmy.bot.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.core.sexp.SexpView;
import dev.swimmy.bot.core.status.ReadOutcome;
import dev.swimmy.bot.core.status.Sighting;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.Snapshot.BacktestCache;
import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import dev.swimmy.bot.core.status.Snapshot.LiveStatus;
import dev.swimmy.bot.core.status.Snapshot.Strategy;
import dev.swimmy.bot.core.status.Snapshot.SystemMetrics;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.StatusBoard;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.Goldens;
import dev.swimmy.bot.testing.LispJson;
import dev.swimmy.bot.testing.StatusFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files the engine's own code wrote ({@code fixtures/engine/}), against what SBCL's {@code
 * read} makes of them ({@code golden.jsonl}): the reader agrees, every value of the typed snapshot
 * is the one SBCL read, and every section of the view shows them without a "—" for a value that is
 * there, a 1900 date, or a lost digit. Package-qualified keys ({@code swimmy.shell::daily_pnl}) are
 * matched by name; universal time 0 at cold start is "none yet".
 */
class EngineFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Just after the engine wrote the files: 2026-11-29 13:36:30 JST. */
  static final Instant NOW = Instant.parse("2026-11-29T04:36:30Z");
  private static final long UNIVERSAL_TO_UNIX = 2_208_988_800L;
  private static final Map<String, JsonNode> GOLDEN = golden();

  private static Map<String, JsonNode> golden() {
    Map<String, JsonNode> out = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Fixtures.path("engine/golden.jsonl"))) {
        if (!line.isBlank()) {
          JsonNode n = JSON.readTree(line);
          out.put(n.get("file").asText(), n.get("value"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Stream<String> statusFiles() {
    return Stream.of("live_status.sexp", "live_status-cold-start.sexp", "system_metrics.sexp",
        "backtest_cache.sexp");
  }

  private static SourceId source(String file) {
    return file.startsWith("live_status") ? SourceId.LIVE_STATUS
        : file.startsWith("system") ? SourceId.SYSTEM_METRICS : SourceId.BACKTEST_CACHE;
  }

  private static Snapshot decode(String file, byte[] bytes) {
    SourceId id = source(file);
    ReadOutcome o = StatusFixtures.DECODER.decode(id, bytes, StatusFixtures.schema(id), NOW);
    assertThat(o).as(file).isInstanceOf(ReadOutcome.Good.class);
    return ((ReadOutcome.Good) o).snapshot();
  }

  private static Snapshot decode(String file) {
    return decode(file, Fixtures.bytes("engine/" + file));
  }

  @Test
  void theGoldenCoversEveryEngineFile() {
    assertThat(GOLDEN).containsKeys(statusFiles().toArray(String[]::new));
    assertThat(GOLDEN).hasSize(12); // and the 8 .sexp envelopes; 09 is JSON
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statusFiles")
  void readerAgreesWithSbcl_packagesAreNotPartOfTheName(String file) throws Exception {
    Object plain = SexpView.toPlain(new SexpReader().read(Fixtures.bytes("engine/" + file)));
    assertThat(LispJson.comparable(plain)).isEqualTo(LispJson.fromJson(GOLDEN.get(file)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statusFiles")
  void everyValueOfTheSnapshot_isTheOneSbclRead(String file) {
    JsonNode g = GOLDEN.get(file);
    Snapshot s = decode(file);
    assertThat(s.schemaVersion()).isEqualTo(g.get("schema_version").intValue());
    if (s instanceof LiveStatus l) {
      assertLive(l, g);
    } else if (s instanceof SystemMetrics m) {
      assertThat(m.ownTime()).isEqualTo(universal(g.get("timestamp")));
      assertThat(m.heapUsedBytes()).isEqualTo(g.get("heap_used_bytes").bigIntegerValue());
      assertSame(m.heapUsedMb(), g.get("heap_used_mb"));
      assertThat(m.strategyCount()).isEqualTo(g.get("strategy_count").bigIntegerValue());
      assertThat(m.uptimeSeconds()).isEqualTo(g.get("uptime_seconds").bigIntegerValue());
      assertThat(m.unknown()).isEmpty();
    } else {
      assertBacktest((BacktestCache) s, g.get("entries"));
    }
  }

  private static void assertLive(LiveStatus l, JsonNode g) {
    assertThat(l.ownTime()).isEqualTo(LocalDateTime.parse(g.get("last_updated").asText(),
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")).atZone(ZoneId.of("Asia/Tokyo")).toInstant());
    assertSame(l.dailyPnl(), g.get("daily_pnl"));
    assertSame(l.accumulatedPnl(), g.get("accumulated_pnl"));
    assertSame(l.monthlyGoal(), g.get("monthly_goal"));
    assertSame(l.goalProgress(), g.get("goal_progress"));
    assertThat(l.regime()).isEqualTo(g.get("regime").asText());
    assertThat(l.volatility()).isEqualTo(g.get("volatility").asText());
    assertThat(l.leader()).isEqualTo(g.get("leader").asText());
    assertThat(l.dangerLevel()).isEqualTo(g.get("danger_level").bigIntegerValue());
    assertSame(l.ecosystemHealth(), g.get("ecosystem_health"));
    assertThat(l.totalTrades()).isEqualTo(g.get("total_trades").bigIntegerValue());
    assertSame(l.warmupProgress(), g.get("warmup_progress"));
    // (warmup_complete) is nil: false in Lisp, not "unknown".
    assertThat(l.warmupComplete()).isEqualTo(g.get("warmup_complete").asBoolean(false));
    long heartbeat = g.get("last_guardian_heartbeat").longValue();
    if (heartbeat == 0) {
      assertThat(l.lastGuardianHeartbeat()).isEqualTo(new Sighting.NoneYet<Instant>());
      assertThat(l.tickAgeSecs()).isEqualTo(new Sighting.NoneYet<BigInteger>());
    } else {
      assertThat(l.lastGuardianHeartbeat())
          .isEqualTo(new Sighting.Seen<>(universal(g.get("last_guardian_heartbeat"))));
      assertThat(l.tickAgeSecs())
          .isEqualTo(new Sighting.Seen<>(g.get("tick_age_secs").bigIntegerValue()));
    }
    assertThat(l.unknown()).isEmpty();
  }

  private static void assertBacktest(BacktestCache b, JsonNode entries) {
    assertThat(b.entryCount()).isEqualTo(entries.size());
    assertThat(b.skippedEntries()).isZero();
    assertThat(b.ownTimeIsFileMtime()).isFalse();
    List<BacktestEntry> runs =
        b.topBySharpe().stream().flatMap(s -> s.runs().stream()).toList();
    assertThat(runs).hasSize(entries.size());
    for (JsonNode e : entries) {
      BacktestEntry run = runs.stream().filter(r -> r.name().equals(e.get("name").asText()))
          .findFirst().orElseThrow();
      JsonNode r = e.get("result");
      assertThat(run.timestamp()).isEqualTo(universal(e.get("timestamp")));
      assertSame(run.sharpe(), r.get("sharpe"));
      assertSame(run.profitFactor(), r.get("profit-factor"));
      assertThat(run.trades()).isEqualTo(r.get("trades").bigIntegerValue());
      assertSame(run.winRate(), r.get("win-rate"));
      assertSame(run.maxDrawdown(), r.get("max-dd"));
      assertSame(run.pnl(), r.get("pnl"));
    }
  }

  private static void assertSame(Double actual, JsonNode golden) {
    assertThat(actual).as("%s", golden).isNotNull();
    assertSame(BigDecimal.valueOf(actual), golden);
  }

  private static void assertSame(BigDecimal actual, JsonNode golden) {
    assertThat(actual).as("%s", golden).isNotNull();
    assertThat(actual.compareTo(golden.decimalValue())).as("%s vs %s", actual, golden).isZero();
  }

  private static Instant universal(JsonNode ut) {
    return Instant.ofEpochSecond(ut.longValue() - UNIVERSAL_TO_UNIX);
  }

  static Stream<Arguments> views() {
    return statusFiles().flatMap(file -> Stream.of(StatusSection.values())
        .map(section -> Arguments.of(file, section)));
  }

  /** Each engine file with the other two sources from the engine too. */
  private static StatusBoard board(String file, byte[] bytes) {
    Map<SourceId, SourceReport> r = new HashMap<>();
    for (String other : List.of("live_status.sexp", "system_metrics.sexp", "backtest_cache.sexp")) {
      r.put(source(other), report(other, Fixtures.bytes("engine/" + other)));
    }
    r.put(source(file), report(file, bytes));
    return new StatusBoard(r.get(SourceId.LIVE_STATUS), r.get(SourceId.SYSTEM_METRICS),
        r.get(SourceId.BACKTEST_CACHE), NOW);
  }

  private static SourceReport report(String file, byte[] bytes) {
    SourceId id = source(file);
    return SourceReport.decide(id, new ReadOutcome.Good(decode(file, bytes)), null, NOW,
        StatusFixtures.staleAfter(id));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("views")
  void everySection_showsEveryValueWithoutADashA1900DateOrALostDigit(String file, StatusSection section) {
    Message m = StatusView.render(board(file, Fixtures.bytes("engine/" + file)), section);
    assertThat(DiscordLimits.violations(m)).isEmpty();
    String json = DiscordJson.toJson(m);
    Goldens.assertMatches("render/engine-" + file.replace(".sexp", "") + "." + section.optionName()
        + ".json", json + "\n");
    assertThat(json).doesNotContain("1900", "<t:-");
    assertThat(fieldValues(json)).noneMatch(v -> v.contains(Formats.NONE));
  }

  /** Every field value of the message, parsed. */
  private static List<String> fieldValues(String json) {
    List<String> out = new ArrayList<>();
    try {
      JSON.readTree(json).get("embeds")
          .forEach(e -> e.path("fields").forEach(f -> out.add(f.get("value").asText())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The value of the field named {@code name} in a rendered message. */
  private static String field(Message m, String name) {
    return m.embeds().stream().flatMap(e -> e.fields().stream()).filter(f -> f.name().equals(name))
        .map(Field::value).findFirst().orElseThrow(() -> new AssertionError("no field " + name));
  }

  @Test
  void coldStart_saysNoneYetForTheHeartbeatAndTheTickAge() {
    Message market = StatusView.render(
        board("live_status-cold-start.sexp", Fixtures.bytes("engine/live_status-cold-start.sexp")),
        StatusSection.MARKET);
    assertThat(field(market, "Tick age")).isEqualTo("none yet");
    assertThat(field(market, "Guardian heartbeat")).isEqualTo("none yet");
  }

  @Test
  void afterTheFirstHeartbeat_theTickAgeOfZeroIsZeroSeconds() {
    byte[] bytes = Fixtures.text("engine/live_status.sexp")
        .replace("(swimmy.shell::tick_age_secs . 7)", "(swimmy.shell::tick_age_secs . 0)")
        .getBytes(StandardCharsets.UTF_8);
    Message market = StatusView.render(board("live_status.sexp", bytes), StatusSection.MARKET);
    assertThat(field(market, "Tick age")).isEqualTo("0s");
    assertThat(field(market, "Guardian heartbeat")).isEqualTo("2026-11-29 13:35:16 JST · <t:1795926916:R>");
  }

  @Test
  void integersOfAnySize_areShownDigitForDigit() {
    String big = "123456789012345678901234567890";
    byte[] live = Fixtures.text("engine/live_status-cold-start.sexp")
        .replace("(swimmy.shell::total_trades . 50)", "(swimmy.shell::total_trades . " + big + ")")
        .replace("(swimmy.shell::danger_level . 0)", "(swimmy.shell::danger_level . 9223372036854775808)")
        .replace("(swimmy.shell::monthly_goal . 100000)", "(swimmy.shell::monthly_goal . " + big + ")")
        .getBytes(StandardCharsets.UTF_8);
    String warmup = DiscordJson.toJson(StatusView.render(board("live_status-cold-start.sexp", live),
        StatusSection.WARMUP));
    assertThat(warmup).contains("123,456,789,012,345,678,901,234,567,890");
    String market = DiscordJson.toJson(StatusView.render(board("live_status-cold-start.sexp", live),
        StatusSection.MARKET));
    assertThat(market).contains("9,223,372,036,854,775,808");
    String pnl = DiscordJson.toJson(StatusView.render(board("live_status-cold-start.sexp", live),
        StatusSection.PNL));
    assertThat(pnl).contains("¥123,456,789,012,345,678,901,234,567,890");

    byte[] metrics = Fixtures.text("engine/system_metrics.sexp")
        .replace("(swimmy.school::strategy_count . 1234)", "(swimmy.school::strategy_count . " + big + ")")
        .replace("(swimmy.school::heap_used_bytes . 53634528)",
            "(swimmy.school::heap_used_bytes . 98765432109876543210)")
        .getBytes(StandardCharsets.UTF_8);
    String system = DiscordJson.toJson(StatusView.render(board("system_metrics.sexp", metrics),
        StatusSection.SYSTEM));
    assertThat(system).contains("123,456,789,012,345,678,901,234,567,890",
        "98,765,432,109,876,543,210 bytes");

    byte[] backtest = Fixtures.text("engine/backtest_cache.sexp")
        .replace(":trades 42", ":trades " + big).getBytes(StandardCharsets.UTF_8);
    String bt = DiscordJson.toJson(StatusView.render(board("backtest_cache.sexp", backtest),
        StatusSection.BACKTEST));
    assertThat(bt).contains("123,456,789,012,345,678,901,234,567,890 trades");
  }

  @Test
  void inSampleAndOutOfSampleRuns_areOneStrategyShownOnceWithEachRunLabelled() {
    String cache = "((swimmy.school::schema_version . 1) (swimmy.school::entries "
        + run("Alpha", 1.5, 4004915700L) + run("Alpha_IS", 2.1, 4004915710L)
        + run("Alpha-OOS", 0.4, 4004915720L) + run("Beta_OOS", 1.9, 4004915723L)
        + run("Gamma", 1.0, 4004915600L) + "))";
    BacktestCache s = (BacktestCache) decode("backtest_cache.sexp", cache.getBytes(StandardCharsets.UTF_8));
    assertThat(s.entryCount()).isEqualTo(5);
    assertThat(s.topBySharpe()).extracting(Strategy::name).containsExactly("Alpha", "Beta", "Gamma");
    Strategy alpha = s.topBySharpe().get(0);
    assertThat(alpha.full().sharpe()).isEqualTo(1.5);
    assertThat(alpha.inSample().sharpe()).isEqualTo(2.1);
    assertThat(alpha.outOfSample().sharpe()).isEqualTo(0.4);
    assertThat(s.topBySharpe().get(1).outOfSample().name()).isEqualTo("Beta_OOS");

    String top = field(StatusView.render(board("backtest_cache.sexp",
        cache.getBytes(StandardCharsets.UTF_8)), StatusSection.BACKTEST), "Top by sharpe");
    assertThat(top).startsWith("1. **Alpha**\n  sharpe 1.50 · PF 1.20 · 10 trades")
        .contains("\n  IS: sharpe 2.10 ", "\n  OOS: sharpe 0.40 ", "\n2. **Beta** OOS: sharpe 1.90 ",
            "\n3. **Gamma** sharpe 1.00 ");
    assertThat(top.split("Alpha", -1)).hasSize(2);
    String summary = field(StatusView.render(board("backtest_cache.sexp",
        cache.getBytes(StandardCharsets.UTF_8)), StatusSection.OVERVIEW), "Backtest");
    assertThat(summary).contains("\n1. Alpha · sharpe 1.50 / IS 2.10 / OOS 0.40\n",
        "\n2. Beta · sharpe OOS 1.90\n");
  }

  @Test
  void tenStrategiesWithThreeRunsEach_showWholeStrategiesAndHowManyAreLeftOut() {
    StringBuilder cache = new StringBuilder("((schema_version . 1) (entries ");
    for (int i = 0; i < 10; i++) {
      String name = "Hunted-D1-VWAPVR-50-220-EURUSD-" + i;
      cache.append(run(name, 1.0 + i, 4004915700L)).append(run(name + "_IS", 1.5 + i, 4004915700L))
          .append(run(name + "-OOS", 0.5 + i, 4004915700L));
    }
    byte[] bytes = cache.append("))").toString().getBytes(StandardCharsets.UTF_8);
    Message m = StatusView.render(board("backtest_cache.sexp", bytes), StatusSection.BACKTEST);
    assertThat(DiscordLimits.violations(m)).isEmpty();
    String top = field(m, "Top by sharpe");
    assertThat(top).startsWith("1. **Hunted-D1-VWAPVR-50-220-EURUSD-9**\n  sharpe 10.00 ")
        .doesNotContain("…").matches("(?s).*\\n\\+\\d+ more");
    int shown = top.split("\\*\\*Hunted", -1).length - 1;
    assertThat(top).endsWith("\n+" + (10 - shown) + " more");
    assertThat(shown).isBetween(2, 9);
  }

  private static String run(String name, double sharpe, long ut) {
    return "((swimmy.school::name . \"" + name + "\") (swimmy.school::timestamp . " + ut
        + ") (swimmy.school::result :sharpe " + sharpe + "d0 :trades 10 :pnl 1.0d0 :win-rate 0.5d0"
        + " :profit-factor 1.2d0 :max-dd 0.1d0 :request-id nil)) ";
  }

  @Test
  void aStrategyRunTwice_showsItsNewerRun() {
    String cache = "((schema_version . 1) (entries " + run("Alpha_IS", 2.0, 4004915700L)
        + run("Alpha_IS", 0.5, 4004915710L) + "))";
    BacktestCache s = (BacktestCache) decode("backtest_cache.sexp", cache.getBytes(StandardCharsets.UTF_8));
    assertThat(s.topBySharpe()).singleElement()
        .satisfies(st -> assertThat(st.inSample().sharpe()).isEqualTo(0.5));
  }

  @Test
  void aBacktestEntryAtUniversalTimeZero_isCountedUnreadableNeverDated1900() {
    String cache = "((schema_version . 1) (entries " + run("Alpha", 1.0, 0L) + run("Beta", 0.5, 4004915700L) + "))";
    byte[] bytes = cache.getBytes(StandardCharsets.UTF_8);
    BacktestCache s = (BacktestCache) decode("backtest_cache.sexp", bytes);
    assertThat(s.skippedEntries()).isEqualTo(1);
    assertThat(s.newest().name()).isEqualTo("Beta");
    assertThat(DiscordJson.toJson(StatusView.render(board("backtest_cache.sexp", bytes), StatusSection.BACKTEST)))
        .doesNotContain("1900", "<t:-", "Alpha").contains("1 unreadable");
  }

  @Test
  void systemMetricsWithUniversalTimeZero_hasNoTimeOfItsOwn() {
    byte[] bytes = Fixtures.text("engine/system_metrics.sexp")
        .replace("(swimmy.school::timestamp . 4004915723)", "(swimmy.school::timestamp . 0)")
        .getBytes(StandardCharsets.UTF_8);
    ReadOutcome o = StatusFixtures.DECODER.decode(SourceId.SYSTEM_METRICS, bytes, 1, NOW);
    assertThat(o).isInstanceOf(ReadOutcome.Bad.class);
    assertThat(((ReadOutcome.Bad) o).issue().describe()).contains("no time of its own");
  }

  @Test
  void theEngineFiles_areFreshAtTheirOwnTime() {
    for (String file : statusFiles().toList()) {
      SourceReport r = report(file, Fixtures.bytes("engine/" + file));
      assertThat(r.age()).as(file).hasValueSatisfying(
          age -> assertThat(age).isBetween(Duration.ZERO, Duration.ofMinutes(2)));
    }
  }
}
