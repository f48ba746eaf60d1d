package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Str;
import dev.swimmy.bot.core.sexp.SexpParseException.Kind;
import dev.swimmy.bot.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Big and hostile inputs end in a tree or a clean, positioned error. Nothing here is timed: the
 * reader's single pass and iterative stack are what keep these linear; the benchmark measures.
 */
class LargeAndPathologicalInputTest {
  private final SexpReader reader = new SexpReader();

  @Test
  void theLargestRealFile_readsIntoAMapOfAllItsEntries() throws Exception {
    byte[] bytes = Fixtures.bytes("backtest_cache/large-20k.sexp");
    assertThat(bytes.length).isGreaterThan(4_000_000);
    SexpMap cache = SexpView.asMap(reader.read(bytes)).orElseThrow();
    assertThat(cache.list("entries").orElseThrow()).hasSize(20_000);
  }

  @Test
  void aMegabyteOfOpenParentheses_isTooDeep() {
    assertThatThrownBy(() -> reader.read("(".repeat(1 << 20)))
        .isInstanceOfSatisfying(SexpParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_DEEP));
  }

  @Test
  void aMegabyteOfOpenParentheses_withinAHighDepthLimit_isATruncatedFile() {
    SexpReader deep = new SexpReader(new SexpLimits(2 << 20, 2 << 20));
    assertThatThrownBy(() -> deep.read("(".repeat(1 << 20)))
        .isInstanceOfSatisfying(SexpParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.END_OF_FILE));
  }

  @Test
  void anIntegerAtTheDigitLimit_isOneInteger() throws Exception {
    Sexp big = reader.read("7".repeat(Tokens.MAX_INTEGER_DIGITS));
    assertThat(((Int) big).value().toString()).hasSize(Tokens.MAX_INTEGER_DIGITS);
  }

  /** BigInteger's parsing is quadratic; before the cap this token took about 30 s of CPU. */
  @Test
  void aMegabyteDigitToken_isAReaderErrorNamingTheLimit() {
    for (String token :
        new String[] {"7".repeat(1 << 20), "-1/" + "3".repeat(1 << 20), "#x" + "f".repeat(1 << 20)}) {
      assertThatThrownBy(() -> reader.read(token))
          .isInstanceOfSatisfying(SexpParseException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.READER_ERROR);
            assertThat(e.getMessage()).contains("digits is over the limit");
          });
    }
  }

  @Test
  void aMillionElementList_isRead() throws Exception {
    Sexp list = reader.read("(" + "1 ".repeat(1_000_000) + ")");
    assertThat(((Lst) list).items()).hasSize(1_000_000);
  }

  @Test
  void aLongString_andALongUnterminatedString() throws Exception {
    String body = "x\\\"y".repeat(250_000);
    assertThat(((Str) reader.read("\"" + body + "\"")).value()).hasSize(750_000);
    assertThatThrownBy(() -> reader.read(("\"" + body).getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(SexpParseException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.END_OF_FILE);
          assertThat(e.getMessage()).doesNotContain("xy");
        });
  }

  @Test
  void aLongComment_andAnUnterminatedBlockComment() throws Exception {
    assertThat(reader.read(";" + "c".repeat(1_000_000) + "\n42")).isEqualTo(Int.of(42));
    assertThatThrownBy(() -> reader.read("#|" + "#|".repeat(500_000)))
        .isInstanceOfSatisfying(SexpParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.END_OF_FILE));
  }
}
