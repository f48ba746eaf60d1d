package dev.swimmy.bot.core.status;

/** Why a source's file could not be taken as its current snapshot. */
public sealed interface Issue {

  /** One line for an operator. */
  String describe();

  /**
   * The file could not be read as a status file: a reader error (with its 1-based line and
   * column), a form that is not an alist, a missing or malformed own time, or an I/O error.
   * {@code line} is 0 when there is no position.
   */
  record ParseFailure(String what, int line, int column) implements Issue {
    /** A failure with no line and column (an I/O error, a missing own time). */
    public static ParseFailure unpositioned(String what) {
      return new ParseFailure(what, 0, 0);
    }

    @Override
    public String describe() {
      return line > 0 ? what + " (line " + line + ":" + column + ")" : what;
    }
  }

  /** The file's {@code schema_version} is not the configured one; {@code found} null if absent. */
  record SchemaMismatch(int expected, Integer found) implements Issue {
    /** The version found, as {@code v2}, or {@code none} when the file has no {@code schema_version}. */
    public String foundText() {
      return found == null ? "none" : "v" + found;
    }

    @Override
    public String describe() {
      return "schema_version expected v" + expected + ", found " + foundText();
    }
  }

  /** The file does not exist. */
  record Missing(String fileName) implements Issue {
    @Override
    public String describe() {
      return fileName + " not found";
    }
  }
}
