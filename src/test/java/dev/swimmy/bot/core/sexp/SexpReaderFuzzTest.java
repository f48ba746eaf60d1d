package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  private static final String INPUTS =
      "dev/swimmy/bot/core/sexp/SexpReaderFuzzTestInputs/anyBytes_areATreeThatRoundTrips_orAParseException";

  @FuzzTest(maxDuration = "5m")
  @EnabledForJreRange(max = JRE.JAVA_24) // Jazzer 0.30's agent handles class files up to JDK 24
  void anyBytes_areATreeThatRoundTrips_orAParseException(byte[] input) {
    roundTripsOrParseException(input);
  }

  /**
   * The checked-in inputs through the same property without Jazzer, so they are checked on every
   * JDK (Jazzer replays them too where it runs; the replay takes milliseconds).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("checkedInInputs")
  void checkedInInputs_withoutJazzer(String name, byte[] input) {
    roundTripsOrParseException(input);
  }

  static Stream<Arguments> checkedInInputs() throws IOException, URISyntaxException {
    Path dir = Path.of(SexpReaderFuzzTest.class.getClassLoader().getResource(INPUTS).toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> sorted = files.sorted().toList();
      assertThat(sorted).as("checked-in fuzz inputs").hasSizeGreaterThan(10);
      List<Arguments> args = new ArrayList<>();
      for (Path f : sorted) {
        args.add(Arguments.of(f.getFileName().toString(), Files.readAllBytes(f)));
      }
      return args.stream();
    }
  }

  private static void roundTripsOrParseException(byte[] input) {
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
