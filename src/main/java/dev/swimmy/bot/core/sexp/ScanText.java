package dev.swimmy.bot.core.sexp;

/**
 * The reader's characters as an {@link ItemScanner} sees them, and the steps it may take over
 * them. Every step either vouches that the reader would read the same characters the same way
 * without an error, or answers {@code -1} (or null): then the scanner declines the item and the
 * reader reads it itself. The window's end is such an answer too, so a scanner never waits for
 * input and never holds more than the window.
 *
 * <p>What is vouched for without being parsed: blanks (not comments), lists, strings (escapes
 * included), SBCL's readable string {@code #A((n) type . "..")}, and plain tokens that cannot be
 * a reader error: symbols with at most a leading colon, integers of up to 4096 digits and
 * decimals like {@code -12.5} with at most 38 digits before the point (a single float cannot
 * overflow then). Any other token is read with the reader's own token rules ({@link #atom}).
 */
public final class ScanText {
  /** Longest token vouched for by its shape alone; longer ones are read. */
  private static final int SHAPE_MAX = 64;

  /** Digits before the point of a decimal that cannot overflow a single float (max 3.4e38). */
  private static final int SINGLE_SAFE_DIGITS = 38;

  private final SexpParser parser;
  private int after;

  ScanText(SexpParser parser) {
    this.parser = parser;
  }

  /** The character at {@code i}, an index a step returned (below {@link #end()}). */
  public char at(int i) {
    return parser.chars()[i];
  }

  /** The end of the window: indices from here on are not read yet. */
  public int end() {
    return parser.end();
  }

  /** How many more lists may open inside the item before the reader's depth limit. */
  public int room() {
    return parser.depthRoom();
  }

  /** The index after the step that last returned a value ({@link #string}). */
  public int after() {
    return after;
  }

  /** The first character from {@code i} that is not whitespace; -1 at a comment or the end. */
  public int blanks(int i) {
    char[] s = parser.chars();
    int end = parser.end();
    while (i < end && Tokens.isWhitespace(s[i])) {
      i++;
    }
    if (i >= end || s[i] == ';' || (s[i] == '#' && (i + 1 >= end || s[i + 1] == '|'))) {
      return -1;
    }
    return i;
  }

  /**
   * The end of the plain token that starts at {@code i}: no escapes ({@code |}, backslash), ended
   * before the window's end; -1 otherwise, and for {@code #}, which starts a token only inside one.
   */
  public int tokenEnd(int i) {
    char[] s = parser.chars();
    int end = parser.end();
    if (s[i] == '#') {
      return -1;
    }
    int j = i;
    while (j < end && Tokens.isPlainConstituent(s[j])) {
      j++;
    }
    return j == i || j >= end || Tokens.isConstituent(s[j]) ? -1 : j;
  }

  /** True if {@code i} holds the lone dot of a dotted list. */
  public boolean isDot(int i) {
    char[] s = parser.chars();
    return s[i] == '.' && i + 1 < parser.end() && !Tokens.isConstituent(s[i + 1]);
  }

  /**
   * The number or symbol the plain token {@code [a, b)} ({@link #tokenEnd}) reads as, by the
   * reader's own rules; null when reading it is an error, or for the lone dot.
   */
  public Sexp atom(int a, int b) {
    return parser.atom(a, b);
  }

  /**
   * Steps over the form at {@code i}, which may open at most {@code levels} lists (counting
   * itself); the index after it, or -1 for a form not vouched for (a dotted list among them).
   */
  public int skip(int i, int levels) {
    char c = at(i);
    if (c == '(') {
      if (levels <= 0) {
        return -1;
      }
      int j = blanks(i + 1);
      while (j >= 0 && at(j) != ')') {
        j = isDot(j) ? -1 : skip(j, levels - 1);
        j = j < 0 ? -1 : blanks(j);
      }
      return j < 0 ? -1 : j + 1;
    }
    if (c == '"') {
      return stringEnd(i);
    }
    if (c == '#') {
      return levels >= 3 && string(i) != null ? after : -1;
    }
    int b = tokenEnd(i);
    if (b < 0) {
      return -1;
    }
    return sureToken(i, b) || atom(i, b) != null ? b : -1;
  }

  /**
   * The string at {@code i}, {@code ".."} or SBCL's {@code #A((n) base-char . "..")} whose length
   * is n; {@link #after()} is then the index after it. Null for anything else.
   */
  public String string(int i) {
    char c = at(i);
    if (c == '"') {
      int b = stringEnd(i);
      if (b < 0) {
        return null;
      }
      after = b;
      return unescape(i + 1, b - 1);
    }
    return c == '#' ? sbclString(i) : null;
  }

  /** {@code #A((n) type . "..")}: the form {@link ArraySyntax} reads as a string of length n. */
  private String sbclString(int i) {
    int j = i + 1;
    if (j >= end() || (at(j) != 'A' && at(j) != 'a') || j + 1 >= end() || at(j + 1) != '(') {
      return null;
    }
    j = blanks(j + 2);
    if (j < 0 || at(j) != '(') {
      return null;
    }
    int n = blanks(j + 1);
    int nEnd = n < 0 ? -1 : tokenEnd(n);
    if (nEnd < 0 || nEnd - n > 9 || !digits(n, nEnd)) {
      return null;
    }
    int length = Integer.parseInt(new String(parser.chars(), n, nEnd - n));
    j = blanks(nEnd);
    if (j < 0 || at(j) != ')') {
      return null;
    }
    j = blanks(j + 1);
    int type = j < 0 || at(j) == '.' ? -1 : skip(j, 1);
    j = type < 0 ? -1 : blanks(type);
    if (j < 0 || !isDot(j)) {
      return null;
    }
    j = blanks(j + 1);
    if (j < 0 || at(j) != '"') {
      return null;
    }
    int b = stringEnd(j);
    int close = b < 0 ? -1 : blanks(b);
    if (close < 0 || at(close) != ')') {
      return null;
    }
    String value = unescape(j + 1, b - 1);
    if (value.length() != length) {
      return null;
    }
    after = close + 1;
    return value;
  }

  private boolean digits(int a, int b) {
    for (int i = a; i < b; i++) {
      if (!isDigit(at(i))) {
        return false;
      }
    }
    return true;
  }

  /** The index after the string that opens at {@code i}, or -1 if it ends past the window. */
  private int stringEnd(int i) {
    char[] s = parser.chars();
    int end = parser.end();
    int j = i + 1;
    while (j < end && s[j] != '"') {
      j += s[j] == '\\' ? 2 : 1;
    }
    return j < end ? j + 1 : -1;
  }

  /** The characters of {@code [a, b)} with each backslash escape replaced by the character. */
  private String unescape(int a, int b) {
    char[] s = parser.chars();
    int slash = a;
    while (slash < b && s[slash] != '\\') {
      slash++;
    }
    if (slash == b) {
      return new String(s, a, b - a);
    }
    StringBuilder out = new StringBuilder(b - a).append(s, a, slash - a);
    for (int i = slash; i < b; i++) {
      out.append(s[i] == '\\' ? s[++i] : s[i]);
    }
    return out.toString();
  }

  /**
   * True for a plain token that the reader surely reads without an error: a symbol with no colon
   * or one leading colon, or a decimal that can neither be too long nor overflow.
   */
  private boolean sureToken(int a, int b) {
    if (b - a > SHAPE_MAX) {
      return false;
    }
    int i = a;
    char c = at(i);
    if (c == '+' || c == '-') {
      i++;
    }
    if (i < b && (isDigit(at(i)) || at(i) == '.')) {
      return sureDecimal(i, b);
    }
    for (int k = a; k < b; k++) {
      if (at(k) == ':' && (k != a || b - a == 1)) {
        return false;
      }
    }
    return true;
  }

  /** {@code d+} or {@code d+.d*} with at most {@link #SINGLE_SAFE_DIGITS} digits before the point. */
  private boolean sureDecimal(int i, int b) {
    int start = i;
    while (i < b && isDigit(at(i))) {
      i++;
    }
    if (i == start || i - start > SINGLE_SAFE_DIGITS) {
      return false;
    }
    if (i < b && at(i) == '.') {
      i++;
      while (i < b && isDigit(at(i))) {
        i++;
      }
    }
    return i == b;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
