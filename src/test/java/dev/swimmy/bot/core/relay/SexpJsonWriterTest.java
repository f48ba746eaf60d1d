package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.sexp.SexpReader;
import dev.swimmy.bot.core.sexp.SexpView;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streamed JSON of a payload must be the mappers', byte for byte, compact and canonical. */
class SexpJsonWriterTest {
  private static final String[] KEYS = {"content", "embeds", "title", "description", "color", "fields", "name",
      "value", "inline", "tts", "a", "b", "z", "zz", "url", "footer", "text", "username", "Émoji", "k_1"};
  private static final String[] ATOMS = {"t", "nil", "0", "-1", "42", "9223372036854775807", "-9223372036854775808",
      "123456789012345678901234567890", "1.5d0", "-0.0", "1e30", "1.0e-7", "0.1", "1/3", "-7/2", ":key", "sym",
      "1.5f0", "3.4028235e38"};

  private final SexpReader reader = new SexpReader(new SexpLimits(1 << 20, 32));

  private SexpMap read(String alist) throws Exception {
    return SexpView.asMap(reader.read(alist)).orElseThrow();
  }

  @Test
  void randomPayloads_areWrittenAsJacksonWritesThem() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 3_000; i++) {
      String alist = alist(random, 0);
      SexpMap map = read(alist);
      PayloadJson.Body mine = PayloadJson.bodyFromSexp(map);
      PayloadJson.Body jackson = PayloadJson.bodyFromSexpByMapper(map);
      assertThat(mine).as(alist).isEqualTo(jackson);
      assertThat(mine.hash()).as(alist).isEqualTo(PayloadJson.canonicalHash(mine.json()));
    }
  }

  @Test
  void everyCharacter_surrogatePairs_andNonFiniteValues_areWrittenAsTheMappersWriteThem() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 1; c < 0xD800; c++) {
      all.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
    }
    SexpMap map = read("((content . \"" + all + "\") (b . \"\u2028\u2029\u007f rocket \uD83D\uDE80\")"
        + " (z . 1.0d308) (y . -0.0d0))");
    PayloadJson.Body mine = PayloadJson.bodyFromSexp(map);
    PayloadJson.Body theirs = PayloadJson.bodyFromSexpByMapper(map);
    assertThat(mine.json().equals(theirs.json())).as("the same JSON text (not printed: 55k characters)").isTrue();
    assertThat(mine.hash()).isEqualTo(theirs.hash());
    // Keys already in order: the one-pass path, with the pair escaped in the canonical bytes.
    SexpMap sorted = read("((a . \"rocket \uD83D\uDE80\") (b . 1))");
    assertThat(PayloadJson.bodyFromSexp(sorted)).isEqualTo(PayloadJson.bodyFromSexpByMapper(sorted));
  }

  private String alist(Random random, int depth) {
    StringBuilder out = new StringBuilder("(");
    int size = 1 + random.nextInt(5);
    for (int i = 0; i < size; i++) {
      out.append('(').append(KEYS[random.nextInt(KEYS.length)]);
      int kind = random.nextInt(depth < 3 ? 6 : 3);
      switch (kind) {
        case 0 -> out.append(" . ").append(string(random));
        case 1 -> out.append(" . ").append(ATOMS[random.nextInt(ATOMS.length)]);
        case 2 -> { } // (key) is nil
        case 3 -> out.append(' ').append(alist(random, depth + 1)).append(' ').append(alist(random, depth + 1));
        case 4 -> out.append(" . ").append(alist(random, depth + 1));
        default -> out.append(' ').append(ATOMS[random.nextInt(ATOMS.length)]).append(' ').append(string(random));
      }
      out.append(") ");
    }
    return out.append(')').toString();
  }

  private static String string(Random random) {
    StringBuilder out = new StringBuilder("\"");
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(10);
      char c = switch (pick) {
        case 0 -> (char) random.nextInt(0x20);
        case 1 -> "\"\\/'<>&".charAt(random.nextInt(7));
        case 2 -> (char) (0x80 + random.nextInt(0x700));
        case 3 -> (char) (0x2000 + random.nextInt(0x100));
        default -> (char) (0x20 + random.nextInt(0x5F));
      };
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }
}
