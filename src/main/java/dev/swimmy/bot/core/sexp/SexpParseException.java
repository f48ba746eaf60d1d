package dev.swimmy.bot.core.sexp;

/**
 * The reader's one exception: what went wrong and where. Its message never quotes more than a
 * few characters of the input, so a secret in a broken file does not reach the logs whole.
 */
public final class SexpParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of failure; {@code END_OF_FILE} is what SBCL calls a truncated input. */
  public enum Kind {
    /** The input ended inside a form, or before any. */
    END_OF_FILE,
    /** Text Lisp's reader would not read: bad syntax or invalid UTF-8. */
    READER_ERROR,
    /** Over {@link SexpLimits#maxBytes()}. */
    TOO_LARGE,
    /** Nested deeper than {@link SexpLimits#maxDepth()}. */
    TOO_DEEP,
    /** Syntax that evaluates or builds objects ({@code #.}, {@code #+}, backquote, ...), refused in data. */
    REFUSED
  }

  private final Kind kind;
  private final int line;
  private final int column;

  /**
   * @param kind what kind of failure
   * @param what what went wrong, in a few words; it must not quote more than a few characters of input
   * @param line 1-based line of the problem
   * @param column 1-based column of the problem
   */
  public SexpParseException(Kind kind, String what, int line, int column) {
    super(what + " at " + line + ":" + column);
    this.kind = kind;
    this.line = line;
    this.column = column;
  }

  /** What kind of failure. */
  public Kind kind() {
    return kind;
  }

  /** 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** 1-based column (in characters) of the problem. */
  public int column() {
    return column;
  }

  /** The name SBCL gives the matching condition, e.g. {@code END-OF-FILE}. */
  public String lispConditionName() {
    return kind == Kind.END_OF_FILE ? "END-OF-FILE" : "READER-ERROR";
  }
}
