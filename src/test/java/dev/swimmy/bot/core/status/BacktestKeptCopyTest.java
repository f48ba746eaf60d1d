package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.testing.StatusFixtures.MTIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.StatusFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BacktestKeptCopyTest {
  private static final StatusDecoder DECODER = StatusFixtures.DECODER;

  @ParameterizedTest
  @ValueSource(strings = {"backtest_cache/small.sexp", "backtest_cache/empty-entries.sexp",
      "backtest_cache/large-20k.sexp"})
  void theKeptSummary_readsBackAsTheSameSnapshot_inAFewHundredBytesPerEntryKept(String fixture) {
    Snapshot s = StatusFixtures.snapshot(SourceId.BACKTEST_CACHE, fixture);
    byte[] kept = DECODER.keptCopy(s, Fixtures.bytes(fixture));
    assertThat(kept.length).isLessThan(4096);
    assertThat(DECODER.decodeKept(SourceId.BACKTEST_CACHE, kept, 1, MTIME))
        .isEqualTo(new ReadOutcome.Good(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // skipped entries, a metric missing, the newest also among the best, equal sharpes
      "((schema_version . 1) (entries ((name . \"A\") (timestamp . 3979768699) (result :sharpe 1.5d0"
          + " :trades 3)) ((name . \"B\")) 42 ((name . \"C \\\\ \\\"q\\\"\") (timestamp . 3979768000)"
          + " (result :sharpe 1.5d0 :profit-factor 2 :win-rate 0.5 :max-dd 1/3 :pnl -7.25d0))"
          + " ((name . \"D\") (timestamp . 3979768699))))",
      "((schema_version . 1) (entries 1 2))",
      // runs of one strategy (_IS, -OOS, _OOS), one of them twice, and a bignum trade count
      "((schema_version . 1) (entries ((name . \"S\") (timestamp . 3979768600) (result :sharpe 1.0d0))"
          + " ((name . \"S_IS\") (timestamp . 3979768601) (result :sharpe 2.0d0 :trades 123456789012345678901234))"
          + " ((name . \"S-OOS\") (timestamp . 3979768602) (result :sharpe 0.5d0))"
          + " ((name . \"S-OOS\") (timestamp . 3979768500) (result :sharpe 0.9d0))"
          + " ((name . \"T_OOS\") (timestamp . 3979768603) (result :sharpe 1.5d0))))",
  })
  void unusualCaches_readBackAsTheSameSnapshot(String text) {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    Snapshot s = ((ReadOutcome.Good) DECODER.decode(SourceId.BACKTEST_CACHE, raw, 1, MTIME)).snapshot();
    assertThat(DECODER.decodeKept(SourceId.BACKTEST_CACHE, DECODER.keptCopy(s, raw), 1, MTIME))
        .isEqualTo(new ReadOutcome.Good(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"backtest_cache/small.sexp", "backtest_cache/large-20k.sexp"})
  void aWholeFileKeptByAnOlderVersion_stillReadsBack(String fixture) {
    assertThat(DECODER.decodeKept(SourceId.BACKTEST_CACHE, Fixtures.bytes(fixture), 1, MTIME))
        .isEqualTo(StatusFixtures.outcome(SourceId.BACKTEST_CACHE, fixture));
  }

  @ParameterizedTest
  @ValueSource(ints = {2})
  void theKeptSummary_isCheckedAgainstTheConfiguredSchema(int configured) {
    Snapshot s = StatusFixtures.snapshot(SourceId.BACKTEST_CACHE, "backtest_cache/small.sexp");
    byte[] kept = DECODER.keptCopy(s, new byte[0]);
    assertThat(DECODER.decodeKept(SourceId.BACKTEST_CACHE, kept, configured, Instant.EPOCH))
        .isEqualTo(new ReadOutcome.Bad(new Issue.SchemaMismatch(configured, 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"live_status/fresh.sexp"})
  void otherSources_keepTheirWholeFile(String fixture) {
    Snapshot s = StatusFixtures.snapshot(SourceId.LIVE_STATUS, fixture);
    byte[] raw = Fixtures.bytes(fixture);
    assertThat(DECODER.keptCopy(s, raw)).isSameAs(raw);
  }
}
