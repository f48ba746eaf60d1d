package dev.swimmy.bot.core.sexp;

import java.util.Locale;
import java.util.Map;

/** The character names SBCL reads after {@code #\}, both ways. */
final class CharNames {
  private static final Map<String, Integer> BY_NAME =
      Map.ofEntries(
          Map.entry("SPACE", 32),
          Map.entry("NEWLINE", 10),
          Map.entry("LINEFEED", 10),
          Map.entry("TAB", 9),
          Map.entry("RETURN", 13),
          Map.entry("PAGE", 12),
          Map.entry("BACKSPACE", 8),
          Map.entry("RUBOUT", 127),
          Map.entry("DEL", 127),
          Map.entry("NUL", 0),
          Map.entry("NULL", 0),
          Map.entry("ESCAPE", 27),
          Map.entry("ESC", 27),
          Map.entry("ALTMODE", 27),
          // SBCL's name for 7 is Bel; "Bell" is the Unicode name of U+1F514, found below.
          Map.entry("BEL", 7));

  private static final Map<Integer, String> PRINTED =
      Map.of(
          32, "Space", 10, "Newline", 9, "Tab", 13, "Return", 12, "Page", 8, "Backspace", 127,
          "Rubout", 0, "Nul", 27, "Esc", 7, "Bel");

  private CharNames() {}

  /** The code point a multi-character name stands for, or null if it names none. */
  static Integer lookup(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    Integer known = BY_NAME.get(upper);
    if (known != null) {
      return known;
    }
    if (upper.matches("U\\+?[0-9A-F]{1,6}")) {
      int code = Integer.parseInt(upper.substring(upper.charAt(1) == '+' ? 2 : 1), 16);
      return Character.isValidCodePoint(code) ? code : null;
    }
    try {
      return Character.codePointOf(upper.replace('_', ' '));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** How the writer spells a character after {@code #\}. */
  static String print(int codePoint) {
    String name = PRINTED.get(codePoint);
    if (name != null) {
      return name;
    }
    if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
      return String.format("U+%04X", codePoint);
    }
    return new String(Character.toChars(codePoint));
  }
}
