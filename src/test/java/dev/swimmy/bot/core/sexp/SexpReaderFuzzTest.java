package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes {@link SexpReader#read(byte[])} with small limits: no input may make it throw anything
 * but {@link SexpParseException}, and whatever it reads the writer writes and the reader reads
 * back equal.
 *
 * <p>Plain {@code mvn test} replays the checked-in inputs (the fixtures, hand-made tricky inputs
 * and past findings) in {@code src/test/resources/dev/swimmy/bot/core/sexp/SexpReaderFuzzTestInputs/
 * anyBytes_areATreeThatRoundTrips_orAParseException/}. To fuzz for five minutes:
 *
 * <pre>JAZZER_FUZZ=1 JAZZER_MAX_DURATION=5m ./mvnw -q test -Dtest=SexpReaderFuzzTest</pre>
 *
 * <p>A finding is written as {@code crash-*} into that folder; fix the bug and keep the file.
 */
class SexpReaderFuzzTest {
  private static final SexpReader SMALL = new SexpReader(new SexpLimits(64 * 1024, 32));
  private static final SexpReader REREAD = new SexpReader();

  @BeforeAll
  static void jazzerRunsOnThisJdk() {
    // Jazzer 0.30's agent supports class files up to JDK 24; on newer JDKs this test is skipped.
    Assumptions.assumeTrue(
        Runtime.version().feature() <= 24,
        "Jazzer 0.30 does not run on JDK " + Runtime.version().feature() + "; the fuzz target is skipped");
  }

  @FuzzTest(maxDuration = "5m")
  void anyBytes_areATreeThatRoundTrips_orAParseException(byte[] input) {
    Sexp tree;
    try {
      tree = SMALL.read(input);
    } catch (SexpParseException expected) {
      assertThat(expected.line()).isPositive();
      assertThat(expected.column()).isPositive();
      return;
    }
    String written = SexpWriter.write(tree);
    try {
      assertThat(REREAD.read(written)).as("read back from %s", written).isEqualTo(tree);
    } catch (SexpParseException e) {
      throw new AssertionError("the reader refuses what the writer wrote: " + written, e);
    }
    SexpView.toPlain(tree);
  }
}
