package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.testing.Fixtures;
import dev.swimmy.bot.testing.LispJson;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every line of the golden file made by SBCL's own reader must be matched, value or error. */
class GoldenLispReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<JsonNode> goldenLines() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Fixtures.path("golden/lisp-reader.jsonl"))) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    assertThat(lines).hasSize(25);
    return lines.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenLines")
  void readerAgreesWithSbcl(JsonNode golden) {
    byte[] input = Fixtures.bytes(golden.get("file").asText());
    if (golden.has("error")) {
      assertThatThrownBy(() -> new SexpReader().read(input))
          .isInstanceOfSatisfying(
              SexpParseException.class,
              e -> assertThat(e.lispConditionName()).isEqualTo(golden.get("error").asText()));
    } else {
      Object plain = SexpView.toPlain(readUnchecked(input));
      assertThat(LispJson.comparable(plain)).isEqualTo(LispJson.fromJson(golden.get("value")));
    }
  }

  private static Sexp readUnchecked(byte[] input) {
    try {
      return new SexpReader().read(input);
    } catch (SexpParseException e) {
      throw new AssertionError("unexpected parse failure: " + e.getMessage(), e);
    }
  }
}
