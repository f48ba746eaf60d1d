package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.testing.StatusFixtures.MTIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.sexp.SexpParseException;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.StatusFixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The backtest cache is summarised while it is read; every shape of file must come out as the
 * whole tree decodes it.
 */
class BacktestStreamingTest {
  private static final String A = "((name . \"A\") (timestamp . 3979768699) (result :sharpe 1.5d0))";
  private static final String B = "((name . \"B\") (timestamp . 3979768600) (result :sharpe 2.5d0))";

  @ParameterizedTest
  @ValueSource(strings = {
      "((schema_version . 1) (entries " + A + " " + B + "))",
      "((entries " + A + " 42 " + B + ") (schema_version . 1))",
      "((schema_version . 1) (entries))",
      "((schema_version . 1))",
      "((schema_version . 1) (entries . 5))",
      "((schema_version . 1) (entries " + A + " . 5))",
      "((schema_version . 1) (entries . 5) (entries " + B + "))",
      "((schema_version . 1) (entries) (entries " + B + "))",
      "((schema_version . 1) (entries " + A + ") (entries " + B + "))",
      "((schema_version . 1) (entries " + A + " . (" + B + ")))",
      "((schema_version . 1) . ((entries " + A + ")))",
      "((schema_version . 1) (entries " + A + ") . 7)",
      "((schema_version . 2) (entries " + A + "))",
      "((:SCHEMA-VERSION . 1) (:Entries " + B + "))",
      "((schema_version . 1) (entries " + A + ")",
      "#((schema_version . 1) (entries " + A + "))",
      "(entries " + A + ")",
  })
  void aStreamedRead_decodesAsTheWholeTreeDoes(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, bytes, 1, MTIME))
        .isEqualTo(wholeTree(bytes));
  }

  @ParameterizedTest
  @ValueSource(strings = {"backtest_cache/small.sexp", "backtest_cache/empty-entries.sexp",
      "backtest_cache/large-20k.sexp"})
  void theFixtures_decodeAsTheWholeTreeDoes(String fixture) {
    byte[] bytes = Fixtures.bytes(fixture);
    assertThat(StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, bytes, 1, MTIME))
        .isEqualTo(wholeTree(bytes));
  }

  private static ReadOutcome wholeTree(byte[] bytes) {
    try {
      return StatusFixtures.DECODER.decode(SourceId.BACKTEST_CACHE, new SexpReader().read(bytes), 1, MTIME);
    } catch (SexpParseException e) {
      String what = e.getMessage().replaceFirst(" at \\d+:\\d+$", "");
      return new ReadOutcome.Bad(new Issue.ParseFailure(what, e.line(), e.column()));
    }
  }
}
