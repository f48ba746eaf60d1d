package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
      assertThat(comparable(plain)).isEqualTo(fromJson(golden.get("value")));
    }
  }

  private static Sexp readUnchecked(byte[] input) {
    try {
      return new SexpReader().read(input);
    } catch (SexpParseException e) {
      throw new AssertionError("unexpected parse failure: " + e.getMessage(), e);
    }
  }

  /** Our plain values with maps unwrapped and every number as a double or a long. */
  static Object comparable(Object plain) {
    if (plain instanceof SexpMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.asMap().forEach((k, v) -> out.put(k, comparable(v)));
      return out;
    }
    if (plain instanceof List<?> list) {
      return list.stream().map(GoldenLispReaderTest::comparable).toList();
    }
    if (plain instanceof java.math.BigInteger big) {
      return big.toString();
    }
    return plain;
  }

  static Object fromJson(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.properties().forEach(e -> out.put(e.getKey(), fromJson(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.forEach(n -> out.add(fromJson(n)));
      return out;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
