package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swimmy.bot.core.sexp.Sexp.Chr;
import dev.swimmy.bot.core.sexp.Sexp.Dotted;
import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Ratio;
import dev.swimmy.bot.core.sexp.Sexp.Real;
import dev.swimmy.bot.core.sexp.Sexp.Str;
import dev.swimmy.bot.core.sexp.Sexp.Sym;
import dev.swimmy.bot.core.sexp.Sexp.Vec;
import dev.swimmy.bot.core.sexp.SexpParseException.Kind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SexpReaderTest {

  private static Sexp read(String text) throws SexpParseException {
    return SexpReader.parse(text);
  }

  private static Object plain(String text) throws SexpParseException {
    return SexpView.toPlain(read(text));
  }

  @Test
  void lineAndBlockComments_areSkipped_includingNestedBlocks() throws Exception {
    assertThat(read("; header\n#| outer #| inner |# still |# (a ; tail\n b)"))
        .isEqualTo(new Lst(List.of(new Sym(null, "A"), new Sym(null, "B"))));
  }

  @Test
  void pipedSymbols_keepCaseAndSpecialCharacters() throws Exception {
    assertThat(read("|Hello World|")).isEqualTo(new Sym(null, "Hello World"));
    assertThat(read("ab|cD|e")).isEqualTo(new Sym(null, "ABcDE"));
    assertThat(read("|a\\|b|")).isEqualTo(new Sym(null, "a|b"));
    assertThat(read("\\(x")).isEqualTo(new Sym(null, "(X"));
  }

  @Test
  void packageQualifiedSymbols_andKeywords_areRead() throws Exception {
    assertThat(read("swimmy.core::last-tick")).isEqualTo(new Sym("SWIMMY.CORE", "LAST-TICK"));
    assertThat(read("cl:car")).isEqualTo(new Sym("CL", "CAR"));
    assertThat(read(":Sharpe")).isEqualTo(Sym.keyword("SHARPE"));
    assertThat(read("#:gensym")).isEqualTo(new Sym("", "GENSYM"));
    assertThat(plain(":profit-factor")).isEqualTo(":profit-factor");
  }

  @Test
  void anEmptyNameBetweenBars_afterAPackageMarker_isTheEmptyName() throws Exception {
    assertThat(read(":||")).isEqualTo(Sym.keyword(""));
    assertThat(read("swimmy::||")).isEqualTo(new Sym("SWIMMY", ""));
    assertThat(read("#:||")).isEqualTo(new Sym("", ""));
    assertThatThrownBy(() -> read("swimmy: x")).hasMessageContaining("package marker");
  }

  @Test
  void characters_byLiteralAndByName() throws Exception {
    assertThat(read("#\\a")).isEqualTo(new Chr('a'));
    assertThat(read("#\\A")).isEqualTo(new Chr('A'));
    assertThat(read("#\\(")).isEqualTo(new Chr('('));
    assertThat(read("#\\Space")).isEqualTo(new Chr(' '));
    assertThat(read("#\\newline")).isEqualTo(new Chr('\n'));
    assertThat(read("#\\U+00E9")).isEqualTo(new Chr(0xE9));
    assertThat(read("(#\\) #\\x)"))
        .isEqualTo(new Lst(List.of(new Chr(')'), new Chr('x'))));
  }

  @Test
  void characterSeven_isBel_whileBellIsTheUnicodeBell_asInSbcl() throws Exception {
    assertThat(read("#\\Bel")).isEqualTo(new Chr(7));
    assertThat(read("#\\Bell")).isEqualTo(new Chr(0x1F514));
    assertThat(SexpWriter.write(new Chr(7))).isEqualTo("#\\Bel");
  }

  @Test
  void vectorsAndArrays_becomeVectorsOrStrings() throws Exception {
    assertThat(read("#(1 \"two\" :three)"))
        .isEqualTo(new Vec(List.of(Int.of(1), new Str("two"), Sym.keyword("THREE"))));
    assertThat(read("#A((16) base-char . \"Strat-Hunter-130\")")).isEqualTo(new Str("Strat-Hunter-130"));
    assertThat(read("#A((3) t . (1 2 3))")).isEqualTo(new Vec(List.of(Int.of(1), Int.of(2), Int.of(3))));
    assertThat(read("#1A(4 5)")).isEqualTo(new Vec(List.of(Int.of(4), Int.of(5))));
    assertThat(read("#2A((1 2) (3 4))"))
        .isEqualTo(new Vec(List.of(new Vec(List.of(Int.of(1), Int.of(2))), new Vec(List.of(Int.of(3), Int.of(4))))));
  }

  @Test
  void bignums_andRadixIntegers() throws Exception {
    assertThat(read("123456789012345678901234567890"))
        .isEqualTo(new Int(new BigInteger("123456789012345678901234567890")));
    assertThat(read("-9223372036854775809"))
        .isEqualTo(new Int(new BigInteger("-9223372036854775809")));
    assertThat(read("#xFF")).isEqualTo(Int.of(255));
    assertThat(read("#b-101")).isEqualTo(Int.of(-5));
    assertThat(read("#36rZZ")).isEqualTo(Int.of(1295));
    assertThat(read("42.")).isEqualTo(Int.of(42));
    assertThat(read("+7")).isEqualTo(Int.of(7));
  }

  @ParameterizedTest
  @CsvSource({
    "1.5d0, 1.5, false",
    "-1234.5d0, -1234.5, false",
    "1.5d-7, 1.5e-7, false",
    "1.0d20, 1.0e20, false",
    "2.5l3, 2500.0, false",
    "1.0e2, 100.0, true",
    "1.5s0, 1.5, true",
    "1.5f1, 15.0, true",
    "117.73757, 117.73757, true",
    ".5, 0.5, true",
    "-.25d0, -0.25, false",
    "1.e1, 10.0, true",
    "3D2, 300.0, false"
  })
  void everyFloatExponentMarker_isRead(String text, double value, boolean single) throws Exception {
    assertThat(read(text)).isEqualTo(new Real(value, single));
  }

  @Test
  void aSingleFloat_keepsItsShortestDecimal_onEveryJdk() throws Exception {
    // JDK 17's Float.toString prints 1.93825771E13 for this float; SBCL prints 1.9382577e13.
    assertThat(read("1.9382577e13")).isEqualTo(new Real(1.9382577e13, true));
    assertThat(read("1.93825771e13")).isEqualTo(new Real(1.9382577e13, true));
    assertThat(plain("0.66338515")).isEqualTo(0.66338515);
    // Two shortest decimals are equally near -1384628.25; SBCL prints the one rounded half up.
    assertThat(plain("-1384628.25")).isEqualTo(-1384628.3);
  }

  @Test
  void ratios_areReducedAndIntegralOnesBecomeIntegers() throws Exception {
    assertThat(read("1/3")).isEqualTo(new Ratio(BigInteger.ONE, BigInteger.valueOf(3)));
    assertThat(read("-2/6")).isEqualTo(new Ratio(BigInteger.valueOf(-1), BigInteger.valueOf(3)));
    assertThat(read("4/2")).isEqualTo(Int.of(2));
    assertThat(plain("1/4")).isEqualTo(0.25);
  }

  @Test
  void aRatio_becomesTheNearestDouble_asSbclCoercesIt() throws Exception {
    // SBCL's (coerce r 'double-float) for this ratio; 16 decimal digits were one ulp off.
    assertThat(plain(
            "-1414487741391723688124592889771207739598446858091561979810305/"
                + "1149355553491005587764270364661261825061675428335217676985293"))
        .isEqualTo(-1.2306789984138646);
    assertThat(plain("1/3")).isEqualTo(1.0 / 3);
    assertThat(plain("-2/3")).isEqualTo(-2.0 / 3);
    assertThat(plain("1/" + BigInteger.TWO.pow(1000))).isEqualTo(Math.scalb(1.0, -1000));
  }

  @Test
  void crlfAndByteOrderMark_areTolerated() throws Exception {
    byte[] bom = "\uFEFF((a . 1)\r\n (b . \"x\"))\r\n".getBytes(StandardCharsets.UTF_8);
    SexpMap map = SexpView.asMap(new SexpReader().read(bom)).orElseThrow();
    assertThat(map.get("a")).isEqualTo(1L);
    assertThat(map.get("B")).isEqualTo("x");
  }

  @Test
  void dottedPairs_andListTailsAfterTheDot() throws Exception {
    assertThat(read("(a . 1)")).isEqualTo(new Dotted(List.of(new Sym(null, "A")), Int.of(1)));
    assertThat(read("(a . (b c))"))
        .isEqualTo(new Lst(List.of(new Sym(null, "A"), new Sym(null, "B"), new Sym(null, "C"))));
    assertThat(read("(a . nil)")).isEqualTo(new Lst(List.of(new Sym(null, "A"))));
    assertThat(read("nil")).isEqualTo(Sexp.NIL);
    assertThat(read("()")).isEqualTo(Sexp.NIL);
    assertThat(read("t")).isEqualTo(Sexp.T);
  }

  @Test
  void stringEscapes_andRawNewlines() throws Exception {
    assertThat(read("\"a \\\"quoted\\\" \\\\ back\nslash\"")).isEqualTo(new Str("a \"quoted\" \\ back\nslash"));
  }

  @Test
  void quote_readsAsQuoteForm() throws Exception {
    assertThat(read("'x")).isEqualTo(new Lst(List.of(new Sym(null, "QUOTE"), new Sym(null, "X"))));
  }

  @Test
  void onlyTheFirstFormIsRead_likeLispRead() throws Exception {
    assertThat(plain("<html>502 Bad Gateway</html>")).isEqualTo("<html>502");
  }

  @ParameterizedTest
  @ValueSource(strings = {"#.(run-program \"rm\")", "#+sbcl 1", "#-sbcl 1", "#S(point :x 1)", "#P\"/etc\"", "`(a ,b)"})
  void evaluatingOrConstructingReaderMacros_areRefused(String text) {
    assertThatThrownBy(() -> read(text))
        .isInstanceOfSatisfying(SexpParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED));
  }

  @Test
  void errors_sayWhatAndWhere() {
    assertThatThrownBy(() -> read("((a . 1)\n (b . 2)\n (c . \"open"))
        .isInstanceOfSatisfying(
            SexpParseException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.END_OF_FILE);
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(7);
              assertThat(e.getMessage()).contains("string").contains("3:7");
            });
  }

  @Test
  void badSyntax_isAReaderErrorWithPosition() {
    assertThatThrownBy(() -> read("(a . b c)"))
        .isInstanceOfSatisfying(SexpParseException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.READER_ERROR);
          assertThat(e.getMessage()).contains("after the dot");
        });
    assertThatThrownBy(() -> read(")")).hasMessageContaining("unmatched close parenthesis at 1:1");
    assertThatThrownBy(() -> read("( . a)")).hasMessageContaining("dot context error at 1:3");
    assertThatThrownBy(() -> read("1/0")).hasMessageContaining("zero denominator");
    assertThatThrownBy(() -> read("1.0d999")).hasMessageContaining("overflow");
    assertThatThrownBy(() -> read("a:b:c")).hasMessageContaining("package marker");
    assertThatThrownBy(() -> read("#\\NoSuchName")).hasMessageContaining("unknown character name");
  }

  @Test
  void deepNesting_isACleanErrorNotAStackOverflow() {
    String deep = "(".repeat(1_000_000);
    assertThatThrownBy(() -> read(deep))
        .isInstanceOfSatisfying(SexpParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_DEEP));
    String quotes = "'".repeat(1_000_000) + "x";
    assertThatThrownBy(() -> read(quotes))
        .isInstanceOfSatisfying(SexpParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_DEEP));
  }

  @Test
  void nestingWithinTheLimit_isRead() throws Exception {
    SexpReader reader = new SexpReader(new SexpLimits(1024, 10));
    assertThat(reader.read("(".repeat(10) + ")".repeat(10))).isNotNull();
    assertThatThrownBy(() -> reader.read("(".repeat(11) + ")".repeat(11)))
        .hasMessageContaining("deeper than 10");
  }

  @Test
  void oversizedInput_isRefusedBeforeReading() {
    SexpReader reader = new SexpReader(new SexpLimits(100, 64));
    assertThatThrownBy(() -> reader.read(new byte[101]))
        .isInstanceOfSatisfying(SexpParseException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
  }

  @Test
  void malformedUtf8_isAReaderError() {
    assertThatThrownBy(() -> new SexpReader().read(new byte[] {'"', (byte) 0xC3, '"'}))
        .hasMessageContaining("not valid UTF-8");
  }

  @Test
  void errorMessages_neverQuoteLongInput() {
    String secret = "tok-" + "S".repeat(60);
    assertThatThrownBy(() -> read("#\\" + secret))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
  }
}
