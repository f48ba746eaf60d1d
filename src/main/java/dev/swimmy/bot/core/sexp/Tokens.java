package dev.swimmy.bot.core.sexp;

import com.fasterxml.jackson.core.io.NumberInput;
import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Ratio;
import dev.swimmy.bot.core.sexp.Sexp.Real;
import dev.swimmy.bot.core.sexp.Sexp.Sym;
import dev.swimmy.bot.core.sexp.SexpParseException.Kind;
import java.math.BigInteger;

/**
 * Turns a token into a number or a symbol following Common Lisp's rules for potential numbers:
 * an unescaped token that looks like an integer, ratio or float is one, anything else is a
 * symbol whose unescaped letters are upper-cased and whose unescaped colons mark a package.
 */
final class Tokens {
  /** Returned for the lone-dot token of a dotted pair; compared by identity. */
  static final Sexp DOT = new Sym("", ".");

  private static final int LONG_SAFE_DIGITS = 18;

  /**
   * The most digits an integer, ratio part or radix integer may have. BigInteger's parsing is
   * quadratic on JDK 17 (a 1 MB token took about 30 s), and nothing the engine writes comes near.
   */
  static final int MAX_INTEGER_DIGITS = 4096;

  private static final int ASCII = 128;

  /**
   * Whitespace and the terminating macro characters, as a table: this test runs for every
   * character of every token, and a table lookup is cheaper than a switch.
   */
  private static final boolean[] ENDS_TOKEN = new boolean[ASCII];

  static {
    for (char c : " \n\t\r\f()'\";`,".toCharArray()) {
      ENDS_TOKEN[c] = true;
    }
  }

  private Tokens() {}

  static boolean isWhitespace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }

  /** True for characters that continue a token; macro characters and whitespace end one. */
  static boolean isConstituent(char c) {
    return c >= ASCII || !ENDS_TOKEN[c];
  }

  /** True for constituents that need no escape handling: not {@code |} or a backslash. */
  static boolean isPlainConstituent(char c) {
    return c >= ASCII || !(ENDS_TOKEN[c] || c == '|' || c == '\\');
  }

  /** At most 24 characters of {@code text}, for error messages that must not echo input. */
  static String clip(String text) {
    return text.length() <= 24 ? text : text.substring(0, 24) + "…";
  }

  static Sexp read(SexpParser p) throws SexpParseException {
    char[] s = p.chars();
    int start = p.pos();
    int i = start;
    int end = p.end();
    while (i < end && isPlainConstituent(s[i])) {
      i++;
    }
    if (p.atEnd(i) || !isConstituent(s[i])) {
      p.pos(i);
      Sexp number = number(p, s, start, i);
      if (number != null) {
        return number;
      }
      if (allDots(s, start, i)) {
        if (i - start == 1) {
          return DOT;
        }
        throw p.error(Kind.READER_ERROR, "a token of only dots", start);
      }
      Sexp cached = p.cachedSymbol(start, i);
      if (cached != null) {
        return cached;
      }
      Sexp symbol = symbol(p, new String(s, start, i - start), null, s[i - 1] == ':', start);
      p.cacheSymbol(start, i, symbol);
      return symbol;
    }
    return escapedSymbol(p, start);
  }

  /** Reads {@code #:name}: a symbol with no package. */
  static Sym uninterned(SexpParser p, int start) throws SexpParseException {
    if (p.atEnd(p.pos()) || !isConstituent(p.chars()[p.pos()])) {
      throw p.error(Kind.READER_ERROR, "#: needs a name", start);
    }
    Sexp read = read(p);
    if (read instanceof Sym sym && sym.pkg() == null && read != DOT) {
      return new Sym("", sym.name());
    }
    if (read == Sexp.NIL) {
      return new Sym("", "NIL");
    }
    throw p.error(Kind.READER_ERROR, "#: needs a plain symbol name", start);
  }

  /** Reads the rational after {@code #x}, {@code #o}, {@code #b} or {@code #nR}. */
  static Sexp radix(SexpParser p, int radix, int start) throws SexpParseException {
    char[] s = p.chars();
    int a = p.pos();
    int b = a;
    while (b < p.end() && isConstituent(s[b])) {
      b++;
    }
    p.atEnd(b);
    p.pos(b);
    checkIntegerLength(p, b - a, start);
    String text = new String(s, a, b - a);
    int slash = text.indexOf('/');
    try {
      if (slash < 0) {
        return new Int(new BigInteger(stripPlus(text), radix));
      }
      return ratio(
          p,
          new BigInteger(stripPlus(text.substring(0, slash)), radix),
          new BigInteger(text.substring(slash + 1), radix),
          start);
    } catch (NumberFormatException e) {
      throw p.error(Kind.READER_ERROR, "not a number in radix " + radix + ": " + clip(text), start);
    }
  }

  private static String stripPlus(String text) {
    return text.startsWith("+") ? text.substring(1) : text;
  }

  private static boolean allDots(char[] s, int a, int b) {
    for (int i = a; i < b; i++) {
      if (s[i] != '.') {
        return false;
      }
    }
    return true;
  }

  /** Parses a decimal integer, ratio or float, or returns null if the token is not a number. */
  private static Sexp number(SexpParser p, char[] s, int a, int b) throws SexpParseException {
    int i = a;
    if (s[i] == '+' || s[i] == '-') {
      i++;
    }
    int intStart = i;
    while (i < b && isDigit(s[i])) {
      i++;
    }
    int intDigits = i - intStart;
    if (i == b) {
      return intDigits > 0 ? integer(p, s, a, b) : null;
    }
    if (s[i] == '/' && intDigits > 0) {
      int j = i + 1;
      while (j < b && isDigit(s[j])) {
        j++;
      }
      if (j != b || j == i + 1) {
        return null;
      }
      return ratio(p, bigInteger(p, s, a, i), bigInteger(p, s, i + 1, b), a);
    }
    if (s[i] == '.' && i + 1 == b && intDigits > 0) {
      return integer(p, s, a, i);
    }
    int fracDigits = 0;
    if (s[i] == '.') {
      i++;
      int fracStart = i;
      while (i < b && isDigit(s[i])) {
        i++;
      }
      fracDigits = i - fracStart;
    }
    if (intDigits + fracDigits == 0) {
      return null;
    }
    if (i == b) {
      return fracDigits > 0 ? real(p, s, a, b, -1, 'f') : null;
    }
    char marker = Character.toLowerCase(s[i]);
    if ("esfdl".indexOf(marker) < 0) {
      return null;
    }
    int markerAt = i++;
    if (i < b && (s[i] == '+' || s[i] == '-')) {
      i++;
    }
    int expStart = i;
    while (i < b && isDigit(s[i])) {
      i++;
    }
    if (i != b || i == expStart) {
      return null;
    }
    return real(p, s, a, b, markerAt, marker);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Int integer(SexpParser p, char[] s, int a, int b) throws SexpParseException {
    int digits = b - a - (s[a] == '+' || s[a] == '-' ? 1 : 0);
    if (digits <= LONG_SAFE_DIGITS) {
      boolean negative = s[a] == '-';
      long v = 0;
      for (int i = s[a] == '+' || s[a] == '-' ? a + 1 : a; i < b; i++) {
        v = v * 10 + (s[i] - '0');
      }
      return Int.of(negative ? -v : v);
    }
    return new Int(bigInteger(p, s, a, b));
  }

  private static BigInteger bigInteger(SexpParser p, char[] s, int a, int b)
      throws SexpParseException {
    checkIntegerLength(p, b - a - (s[a] == '+' || s[a] == '-' ? 1 : 0), a);
    int from = s[a] == '+' ? a + 1 : a;
    return new BigInteger(new String(s, from, b - from));
  }

  private static void checkIntegerLength(SexpParser p, int digits, int at)
      throws SexpParseException {
    if (digits > MAX_INTEGER_DIGITS) {
      throw p.error(
          Kind.READER_ERROR,
          "integer of " + digits + " digits is over the limit of " + MAX_INTEGER_DIGITS,
          at);
    }
  }

  static Sexp ratio(SexpParser p, BigInteger num, BigInteger den, int at)
      throws SexpParseException {
    if (den.signum() == 0) {
      throw p.error(Kind.READER_ERROR, "ratio with a zero denominator", at);
    }
    if (den.signum() < 0) {
      throw p.error(Kind.READER_ERROR, "ratio with a signed denominator", at);
    }
    BigInteger gcd = num.gcd(den);
    BigInteger n = num.divide(gcd);
    BigInteger d = den.divide(gcd);
    return d.equals(BigInteger.ONE) ? new Int(n) : new Ratio(n, d);
  }

  /**
   * A float; {@code d} and {@code l} make doubles, the other markers (and none) singles. JDK 17's
   * {@code Double.parseDouble} falls back to big-number arithmetic for 17-digit literals, which
   * is most of what the engine writes, so Jackson's bundled FastDoubleParser (correctly rounded,
   * hence bit-identical) reads them from the characters in place.
   */
  private static Real real(SexpParser p, char[] s, int a, int b, int markerAt, char marker)
      throws SexpParseException {
    char[] text = s;
    int from = a;
    int length = b - a;
    if (markerAt >= 0 && b - markerAt == 2 && s[markerAt + 1] == '0') {
      // The engine writes nearly every double as ...d0: the digits before the marker suffice.
      length = markerAt - a;
    } else if (markerAt >= 0) {
      // Java's syntax knows only e as an exponent marker.
      text = p.scratch(b - a);
      System.arraycopy(s, a, text, 0, b - a);
      text[markerAt - a] = 'e';
      from = 0;
    }
    if (marker == 'd' || marker == 'l') {
      double v = NumberInput.parseDouble(text, from, length, true);
      if (Double.isInfinite(v)) {
        throw p.error(Kind.READER_ERROR, "floating-point overflow", a);
      }
      return Real.ofDouble(v);
    }
    float v = NumberInput.parseFloat(text, from, length, true);
    if (Float.isInfinite(v)) {
      throw p.error(Kind.READER_ERROR, "floating-point overflow", a);
    }
    return singleFromLiteral(v, s, a, markerAt >= 0 ? markerAt : b, b);
  }

  /**
   * A single float kept as its shortest decimal; the literal's digits ({@code s[a..mantissaEnd)},
   * exponent after it) let {@link ShortestFloat} skip its search when the literal is the answer.
   */
  private static Real singleFromLiteral(float v, char[] s, int a, int mantissaEnd, int b) {
    long significand = 0;
    int digits = 0;
    int exponent = 0;
    boolean fraction = false;
    for (int i = a; i < mantissaEnd; i++) {
      char c = s[i];
      if (c == '.') {
        fraction = true;
      } else if (isDigit(c) && (digits > 0 || c != '0')) {
        significand = significand * 10 + (c - '0');
        digits++;
        exponent -= fraction ? 1 : 0;
      } else if (isDigit(c)) {
        exponent -= fraction ? 1 : 0;
      }
    }
    int written = 0;
    int i = mantissaEnd + 1;
    boolean negative = i < b && s[i] == '-';
    i += i < b && (s[i] == '-' || s[i] == '+') ? 1 : 0;
    for (; i < b && written < 100; i++) {
      written = written * 10 + (s[i] - '0');
    }
    exponent += negative ? -written : written;
    if (digits > LONG_SAFE_DIGITS || written >= 100) {
      return Real.ofSingle(v);
    }
    return new Real(ShortestFloat.of(v, significand, exponent), true);
  }

  private static Sexp escapedSymbol(SexpParser p, int start) throws SexpParseException {
    char[] s = p.chars();
    StringBuilder name = new StringBuilder();
    StringBuilder escaped = new StringBuilder();
    boolean endsWithBareColon = false;
    int i = start;
    while (!p.atEnd(i) && isConstituent(s[i])) {
      char c = s[i];
      endsWithBareColon = c == ':';
      if (c == '\\') {
        if (p.atEnd(++i)) {
          throw p.error(Kind.END_OF_FILE, "end of file after \\", start);
        }
        name.append(s[i++]);
        escaped.append('1');
      } else if (c == '|') {
        i++;
        while (!p.atEnd(i) && s[i] != '|') {
          if (s[i] == '\\' && p.atEnd(++i)) {
            break;
          }
          name.append(s[i++]);
          escaped.append('1');
        }
        if (p.atEnd(i)) {
          throw p.error(Kind.END_OF_FILE, "end of file inside |", start);
        }
        i++;
      } else {
        name.append(c);
        escaped.append('0');
        i++;
      }
    }
    p.pos(i);
    return symbol(p, name.toString(), escaped.toString(), endsWithBareColon, start);
  }

  /**
   * Builds a symbol from its token; {@code escaped} marks with '1' the characters that were
   * escaped (null when none were), which keep their case and are never package markers. {@code
   * endsWithBareColon} tells {@code pkg:} (no name: an error) from {@code pkg:||} (the empty name).
   */
  private static Sexp symbol(
      SexpParser p, String token, String escaped, boolean endsWithBareColon, int start)
      throws SexpParseException {
    int first = -1;
    int count = 0;
    int last = -1;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) == ':' && (escaped == null || escaped.charAt(i) == '0')) {
        if (first < 0) {
          first = i;
        }
        last = i;
        count++;
      }
    }
    if (count == 0) {
      String name = upcase(token, escaped, 0, token.length());
      if ("NIL".equals(name) && escaped == null) {
        return Sexp.NIL;
      }
      return "T".equals(name) && escaped == null ? Sexp.T : new Sym(null, name);
    }
    boolean twoColons = count == 2 && last == first + 1;
    if (count > 2 || (count == 2 && !twoColons) || endsWithBareColon) {
      throw p.error(Kind.READER_ERROR, "bad package marker in " + clip(token), start);
    }
    String name = upcase(token, escaped, last + 1, token.length());
    if (first == 0) {
      return Sym.keyword(name);
    }
    return new Sym(upcase(token, escaped, 0, first), name);
  }

  private static String upcase(String token, String escaped, int a, int b) {
    StringBuilder sb = new StringBuilder(b - a);
    for (int i = a; i < b; i++) {
      char c = token.charAt(i);
      boolean keep = escaped != null && escaped.charAt(i) == '1';
      sb.append(keep ? c : Character.toUpperCase(c));
    }
    return sb.toString();
  }
}
