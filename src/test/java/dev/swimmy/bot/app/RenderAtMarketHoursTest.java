package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.testing.EngineLiveStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code render --at} through the real {@link Main} command line on engine homes whose live status
 * is written in the engine's own shape (package-qualified keys, JST {@code last_updated}) at a
 * chosen New York time, judged by the default FX calendar (open Sunday 17:00 to Friday 17:00 New
 * York) and the default 180 s stale-after.
 */
class RenderAtMarketHoursTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final long UNIVERSAL_TO_UNIX = 2_208_988_800L;
  private static final int GREEN = 0x2ECC71;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  private record Run(int exit, String out, String err) {}

  private static Instant ny(String local) {
    return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
  }

  /** The engine's live status as {@code save-live-status} writes it, last updated at {@code t}. */
  private void liveStatusWrittenAt(Instant t) throws IOException {
    write(".opus/live_status.sexp", EngineLiveStatus.writtenAt(t));
  }

  /** A backtest cache in the engine's shape whose newest entry is from {@code t}. */
  private void backtestCacheWrittenAt(Instant t) throws IOException {
    write("data/backtest_cache.sexp", "((swimmy.school::schema_version . 1) (swimmy.school::entries"
        + " ((swimmy.school::name . \"Bred-RSI-S-915-Gen1\") (swimmy.school::timestamp . "
        + (t.getEpochSecond() + UNIVERSAL_TO_UNIX) + ") (swimmy.school::result :sharpe 1.2345679"
        + " :trades 42 :pnl 15234.5 :win-rate 0.55 :profit-factor 1.8 :max-dd 0.12 :request-id nil))))");
  }

  private void write(String relative, String text) throws IOException {
    Path p = home.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private Run render(String... args) throws IOException {
    Path config = home.resolve("config/swimmy-bot.yaml");
    Files.createDirectories(config.getParent());
    if (!Files.exists(config)) {
      Files.writeString(config, "home: " + home + "\n");
    }
    CommandLine cli = new CommandLine(new Main());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 3];
    full[0] = "render";
    full[1] = "--config";
    full[2] = config.toString();
    System.arraycopy(args, 0, full, 3, args.length);
    return new Run(cli.execute(full), out.toString(), err.toString());
  }

  private JsonNode embedAt(Instant at) throws IOException {
    Run run = render("--json", "--at", at.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    return JSON.readTree(run.out()).get("embeds").get(0);
  }

  private static String liveBlock(JsonNode embed) {
    return embed.get("fields").get(0).get("name").asText();
  }

  @Test
  void fridayFile_onSaturday_isMarketClosedWithTheReopening() throws IOException {
    liveStatusWrittenAt(ny("2026-11-27T16:59"));
    JsonNode e = embedAt(ny("2026-11-28T12:00"));
    assertThat(liveBlock(e)).isEqualTo("Live status · ⚪ MARKET CLOSED");
    // Sunday 2026-11-29 17:00 EST = 22:00Z = 1795989600.
    assertThat(e.get("fields").get(0).get("value").asText()).contains("reopens <t:1795989600:R>");
  }

  @Test
  void thursdayFile_onSaturday_isStale() throws IOException {
    liveStatusWrittenAt(ny("2026-11-26T12:00"));
    JsonNode e = embedAt(ny("2026-11-28T12:00"));
    assertThat(liveBlock(e)).isEqualTo("Live status · 🟠 STALE");
    assertThat(e.get("fields").get(0).get("value").asText()).contains("but this was already stale then");
    assertThat(e.get("color").asInt()).isNotEqualTo(GREEN);
  }

  @Test
  void fridayFile_oneMinuteAfterSundaysOpen_isNotYetStale() throws IOException {
    liveStatusWrittenAt(ny("2026-11-27T16:59"));
    assertThat(liveBlock(embedAt(ny("2026-11-29T17:01")))).isEqualTo("Live status · 🟢 OK");
  }

  @Test
  void fridayFile_halfAnHourAfterSundaysOpen_isStale() throws IOException {
    liveStatusWrittenAt(ny("2026-11-27T16:59"));
    assertThat(liveBlock(embedAt(ny("2026-11-29T17:30")))).isEqualTo("Live status · 🟠 STALE");
  }

  @Test
  void withNoSystemMetricsFile_thePanelIsGreenWhenEverythingElseIs() throws IOException {
    Instant wednesday = ny("2026-11-25T10:00");
    liveStatusWrittenAt(wednesday.minusSeconds(30));
    backtestCacheWrittenAt(wednesday.minusSeconds(3600));
    JsonNode e = embedAt(wednesday);
    assertThat(e.get("description").asText())
        .isEqualTo("🟢 OK — Live status\n⚪ NOT WRITTEN — System metrics\n🟢 OK — Backtest cache");
    assertThat(e.get("color").asInt()).isEqualTo(GREEN);
  }

  @Test
  void onAWeekendWithNoSystemMetrics_thePanelIsStillGreen() throws IOException {
    liveStatusWrittenAt(ny("2026-11-27T16:59"));
    backtestCacheWrittenAt(ny("2026-11-28T10:00"));
    assertThat(embedAt(ny("2026-11-28T12:00")).get("color").asInt()).isEqualTo(GREEN);
  }

  @Test
  void requiredSystemMetrics_missing_colourThePanel() throws IOException {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/swimmy-bot.yaml"),
        "home: " + home + "\nstatus:\n  system-metrics:\n    required: true\n");
    Instant wednesday = ny("2026-11-25T10:00");
    liveStatusWrittenAt(wednesday.minusSeconds(30));
    backtestCacheWrittenAt(wednesday.minusSeconds(3600));
    JsonNode e = embedAt(wednesday);
    assertThat(e.get("description").asText()).contains("⚫ MISSING — System metrics");
    assertThat(e.get("color").asInt()).isNotEqualTo(GREEN);
  }

  @Test
  void alwaysOpen_judgesTheFridayFileByItsOwnTime() throws IOException {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/swimmy-bot.yaml"),
        "home: " + home + "\nstatus:\n  market-hours: always\n");
    liveStatusWrittenAt(ny("2026-11-27T16:59"));
    assertThat(liveBlock(embedAt(ny("2026-11-28T12:00")))).isEqualTo("Live status · 🟠 STALE");
  }

  @Test
  void aHolidayFromTheConfig_isMarketClosed() throws IOException {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(home.resolve("config/swimmy-bot.yaml"), "home: " + home + "\nstatus:\n"
        + "  market-hours: {zone: America/New_York, open: \"SUN 17:00\", close: \"FRI 17:00\","
        + " closed-dates: [2026-12-25]}\n");
    liveStatusWrittenAt(ny("2026-12-24T23:59"));
    assertThat(liveBlock(embedAt(ny("2026-12-25T10:00")))).isEqualTo("Live status · ⚪ MARKET CLOSED");
  }

  @Test
  void anOffsetInstant_isTheSameInstant() throws IOException {
    liveStatusWrittenAt(ny("2026-11-27T16:59"));
    Run run = render("--json", "--at", "2026-11-28T12:00:00-05:00");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Live status · ⚪ MARKET CLOSED");
  }

  @Test
  void aBadInstant_exitsTwoWithAMessageAndNothingOnStdout() throws IOException {
    Run run = render("--at", "saturday");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--at must be an ISO-8601 instant");
    assertThat(run.out()).isEmpty();
  }
}
