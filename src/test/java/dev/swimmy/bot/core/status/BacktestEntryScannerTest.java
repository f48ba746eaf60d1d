package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.testing.StatusFixtures.MTIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.sexp.Sexp;
import dev.swimmy.bot.core.sexp.SexpParseException;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.StatusFixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backtest entries read straight from the characters ({@link BacktestEntryScanner}) come out
 * exactly as the tree of each entry decodes, whatever the fields the view does not show hold; an
 * entry the scanner cannot vouch for is read as a tree, and a malformed one is the reader's error
 * with its line and column. The timeout only catches a hang.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BacktestEntryScannerTest {
  private static final String NAME = "(swimmy.school::name . \"Bred-1\")";
  private static final String TIME = "(swimmy.school::timestamp . 4004915723)";

  /** An engine-shaped entry whose result plist holds {@code extra} between its metrics. */
  private static String entry(String extra) {
    return "(" + NAME + " " + TIME + " (swimmy.school::result :sharpe 1.2345679 " + extra
        + " :trades 42 :pnl 15234.5 :win-rate 0.55 :profit-factor 1.8 :max-dd 0.12))";
  }

  private static String file(String... entries) {
    return "((swimmy.school::schema_version . 1) (swimmy.school::entries " + String.join(" ", entries)
        + "))\n";
  }

  /** Unshown fields with odd values: all read by the scanner, none changing the result. */
  @ParameterizedTest
  @ValueSource(strings = {
      ":request-id #A((36) base-char . \"c0fc4007-9ffd-40d5-9983-98df35fa9f17\")",
      ":request-id nil",
      ":request-id \"with \\\"escaped\\\" quotes, a \\\\ backslash ) and ( parens ; not a comment\"",
      ":adjusted-sharpe 12345678901234567890123456789012345678901234567890123456789012345678901234567890",
      ":adjusted-sharpe 1.5d300 :sharpe-ci-lower -2.5e-30 :x 1/3 :y -0.0 :z 7.",
      ":nested (1 (2 (3 \"x)\" #A((2) base-char . \"ab\")) swimmy.school::deep) :k) :after 3",
      ":weird swimmy.school::sym :other swimmy.school:single :more 1",
      ":adjusted-sharpe 99999999999999999999999999999999999999.5",
      ":note \"multi\nline\"",
  })
  void oddUnshownFields_areSkipped_andTheEntryReadsAsItsTree(String extra) throws Exception {
    String text = file(entry(extra), entry(":request-id nil"));
    Scanned s = scan(text);
    assertThat(s.cache).isEqualTo(wholeTree(text));
    assertThat(s.scanned).isEqualTo(2);
    assertThat(s.cache.newest().sharpe()).isEqualTo(1.2345679);
    assertThat(s.cache.newest().trades()).hasToString("42");
  }

  /** Entries of shapes the scanner declines or treats specially: still as the tree says. */
  @ParameterizedTest
  @ValueSource(strings = {
      "((name . \"A\") (timestamp . 3979768699) (result :sharpe 1.5d0) (result :sharpe 9.0))",
      "((name . \"A\") (name . \"B\") (timestamp . 0) (timestamp . 3979768699))",
      "((name \"A\") (timestamp 3979768699 5) (timestamp 3979768600) (result :sharpe 1 :sharpe 2))",
      "((name . \"A\") (timestamp . 3979768699) (result :sharpe \"high\" :sharpe 2/4 :trades 1.5))",
      "((name . \"A\") (timestamp . 3979768699) (result sharpe 1 :sharpe 2))",
      "((name . \"A\") (timestamp . 3979768699) (result :sharpe 1 :pnl))",
      "((name . \"A\") (timestamp . 3979768699) (result . 5) (result :sharpe 3))",
      "((name . (\"A\")) (timestamp . 3979768699))",
      "((name . \"A\") (timestamp . 3979768699) . ((result :sharpe 1)))",
      "((name . \"A\") 42 (timestamp . 3979768699))",
      "((name . \"A\") (\"key\" . 1) (timestamp . 3979768699))",
      "((name . \"A\") ; a comment\n (timestamp . 3979768699))",
      "((name . \"A\") (|timestamp| . 3979768699))",
      "((:NAME . #A((1) base-char . \"A\")) (:TIMESTAMP . 3979768699) (:RESULT :SHARPE 1.0 :PNL 0.5))",
      "((name . #A((2) character . \"A\\\"\")) (timestamp . 3979768699))",
      "((name . \"A\") (timestamp . 3979768699) (result :sharpe #x10 :pnl #.(evil)))",
      "()",
      "((name . \"A-OOS\") (timestamp . -5) (result :sharpe 1.0 :max-dd 4.0 :win-rate 0.5))",
  })
  void unusualEntries_readAsTheirTree(String odd) throws Exception {
    String text = file(odd, entry(":request-id nil"), odd);
    if (throwsWhole(text)) {
      assertThat(StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, bytes(text), 1, MTIME))
          .isEqualTo(wholeTreeOutcome(text));
      return;
    }
    assertThat(scan(text).cache).isEqualTo(wholeTree(text));
    assertThat(StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, bytes(text), 1, MTIME))
        .isEqualTo(wholeTreeOutcome(text));
  }

  /** Malformed entries: the error the whole reader gives, at the same line and column. */
  @ParameterizedTest
  @ValueSource(strings = {
      ":x 1/0",
      ":x ..",
      ":x a:b:c",
      ":x :",
      ":x 1e39",
      ":x -1d999",
      ":x #.(evil)",
      ":x (a . b c)",
      ":x `(a)",
      ":x #\\nosuchchar",
      ":x #A((3) base-char . \"ab\")",
  })
  void malformedUnshownFields_areTheReadersErrorWithItsPosition(String extra) throws Exception {
    String text = file(entry(":request-id nil"), "\n  " + entry(extra));
    SexpParseException whole = readError(text);
    ReadOutcome outcome = StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, bytes(text), 1, MTIME);
    assertThat(outcome).isInstanceOf(ReadOutcome.Bad.class);
    Issue.ParseFailure failure = (Issue.ParseFailure) ((ReadOutcome.Bad) outcome).issue();
    assertThat(failure.line()).isEqualTo(whole.line()).isEqualTo(2);
    assertThat(failure.column()).isEqualTo(whole.column()).isGreaterThan(1);
  }

  @Test
  void aHugeIntegerInAShownField_isTheReadersError() throws Exception {
    String text = file(entry(":request-id nil").replace(":trades 42", ":trades " + "9".repeat(5000)));
    assertThat(readError(text).getMessage()).contains("digits");
    assertThat(StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, bytes(text), 1, MTIME))
        .isEqualTo(wholeTreeOutcome(text));
  }

  @Test
  void aTruncatedFile_endsInAPositionedError_notAHang() throws Exception {
    String whole = file(entry(":request-id \"x\""), entry(":nested (1 (2 \"abc"));
    for (int cut = whole.length() - 1; cut > 0; cut -= 7) {
      String text = whole.substring(0, cut);
      assertThat(StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, bytes(text), 1, MTIME))
          .as("cut at %d", cut).isEqualTo(wholeTreeOutcome(text));
    }
  }

  /** An entry longer than the reader's window margin is read as a tree: same result. */
  @Test
  void anEntryLongerThanTheWindow_isReadAsATree() throws Exception {
    String text = file(entry(":note \"" + "x".repeat(200_000) + "\""), entry(":request-id nil"));
    Scanned s = scan(text);
    assertThat(s.cache).isEqualTo(wholeTree(text));
    assertThat(s.scanned).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"engine/backtest_cache.sexp", "backtest_cache/small.sexp",
      "backtest_cache/large-20k.sexp"})
  void theFixtures_areReadByTheScanner_asTheirTrees(String fixture) throws Exception {
    String text = new String(Fixtures.bytes(fixture), StandardCharsets.UTF_8);
    Scanned s = scan(text);
    assertThat(s.cache).isEqualTo(wholeTree(text));
    assertThat(s.scanned).isEqualTo(s.cache.entryCount()).isPositive();
  }

  @Test
  void theBenchmarksCache_isReadByTheScanner_asItsTree() throws Exception {
    String text = new String(dev.swimmy.bot.bench.BacktestRewriteCpuBenchmark.cache(2_000_000),
        StandardCharsets.UTF_8);
    Scanned s = scan(text);
    assertThat(s.cache).isEqualTo(wholeTree(text));
    assertThat(s.scanned).isEqualTo(s.cache.entryCount()).isGreaterThan(5_000);
  }

  private record Scanned(Snapshot.BacktestCache cache, int scanned) {}

  /** The entries read as the bot reads them, scanner first. */
  private static Scanned scan(String text) throws Exception {
    BacktestCacheDecoder.Summary summary = new BacktestCacheDecoder.Summary();
    SexpReader.Streamed read = new SexpReader().read(new ByteArrayInputStream(bytes(text)),
        "entries", summary.scanner(), summary);
    assertThat(read.cell()).isEqualTo(SexpReader.Cell.LIST);
    return new Scanned(summary.finish(1, MTIME), summary.scanned());
  }

  /** Every entry decoded from its tree, the scanner not involved. */
  private static Snapshot.BacktestCache wholeTree(String text) throws Exception {
    Sexp tree = new SexpReader().read(text);
    List<Sexp> entries = BacktestCacheDecoder.split(tree).entries();
    BacktestCacheDecoder.Summary summary = new BacktestCacheDecoder.Summary();
    entries.forEach(summary);
    assertThat(summary.scanned()).isZero();
    return summary.finish(1, MTIME);
  }

  private static ReadOutcome wholeTreeOutcome(String text) {
    try {
      return StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, new SexpReader().read(text), 1, MTIME);
    } catch (SexpParseException e) {
      String what = e.getMessage().replaceFirst(" at \\d+:\\d+$", "");
      return new ReadOutcome.Bad(new Issue.ParseFailure(what, e.line(), e.column()));
    }
  }

  private static boolean throwsWhole(String text) {
    try {
      new SexpReader().read(text);
      return false;
    } catch (SexpParseException e) {
      return true;
    }
  }

  private static SexpParseException readError(String text) {
    try {
      new SexpReader().read(text);
    } catch (SexpParseException e) {
      return e;
    }
    throw new AssertionError("the whole reader read it");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
