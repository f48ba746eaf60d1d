package dev.swimmy.bot.core.sexp;

import dev.swimmy.bot.core.sexp.Sexp.Chr;
import dev.swimmy.bot.core.sexp.Sexp.Dotted;
import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Ratio;
import dev.swimmy.bot.core.sexp.Sexp.Real;
import dev.swimmy.bot.core.sexp.Sexp.Str;
import dev.swimmy.bot.core.sexp.Sexp.Sym;
import dev.swimmy.bot.core.sexp.Sexp.Vec;
import java.util.List;
import java.util.Locale;

/**
 * Prints a tree the way the engine's printer does ({@code *print-case* :downcase}, readably):
 * doubles with a {@code d} exponent, singles bare, symbols in lower case or between bars when
 * they need it, strings with only {@code "} and {@code \} escaped. {@link SexpReader} and SBCL's
 * {@code read} both read the output back to the same tree.
 */
public final class SexpWriter {
  private SexpWriter() {}

  /** {@code sexp} as the engine's printer writes it. */
  public static String write(Sexp sexp) {
    StringBuilder out = new StringBuilder();
    write(sexp, out);
    return out.toString();
  }

  /** Appends {@code sexp}, as the engine's printer writes it, to {@code out}. */
  public static void write(Sexp sexp, StringBuilder out) {
    if (sexp instanceof Lst lst) {
      if (lst.isNil()) {
        out.append("nil");
      } else {
        items(lst.items(), null, "(", out);
      }
    } else if (sexp instanceof Dotted d) {
      items(d.items(), d.tail(), "(", out);
    } else if (sexp instanceof Vec v) {
      items(v.items(), null, "#(", out);
    } else if (sexp instanceof Str s) {
      string(s.value(), out);
    } else if (sexp instanceof Sym sym) {
      symbol(sym, out);
    } else if (sexp instanceof Int i) {
      out.append(i.value());
    } else if (sexp instanceof Ratio r) {
      out.append(r.numerator()).append('/').append(r.denominator());
    } else if (sexp instanceof Real r) {
      real(r, out);
    } else {
      out.append("#\\").append(CharNames.print(((Chr) sexp).codePoint()));
    }
  }

  private static void items(List<Sexp> items, Sexp tail, String open, StringBuilder out) {
    out.append(open);
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      write(items.get(i), out);
    }
    if (tail != null) {
      out.append(" . ");
      write(tail, out);
    }
    out.append(')');
  }

  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }

  private static void symbol(Sym sym, StringBuilder out) {
    if (sym.pkg() == null && "T".equals(sym.name())) {
      out.append('t');
      return;
    }
    if (sym.isKeyword()) {
      out.append(':');
    } else if ("".equals(sym.pkg())) {
      out.append("#:");
    } else if (sym.pkg() != null) {
      symbolName(sym.pkg(), out);
      out.append("::");
    }
    symbolName(sym.name(), out);
  }

  /** Writes a name plainly in lower case when that reads back the same, else between bars. */
  private static void symbolName(String name, StringBuilder out) {
    if (isPlain(name)) {
      out.append(name.toLowerCase(Locale.ROOT));
      return;
    }
    out.append('|');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '|' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('|');
  }

  private static boolean isPlain(String name) {
    if (name.isEmpty() || "NIL".equals(name) || "T".equals(name)) {
      return false;
    }
    char first = name.charAt(0);
    if (!((first >= 'A' && first <= 'Z') || "*<>=!?%&$^~_@".indexOf(first) >= 0)) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_*+<>=/!?%&$^~.@".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static void real(Real r, StringBuilder out) {
    if (r.single()) {
      out.append(Float.toString((float) r.value()).replace('E', 'e'));
      return;
    }
    String text = Double.toString(r.value());
    int e = text.indexOf('E');
    if (e < 0) {
      out.append(text).append("d0");
    } else {
      out.append(text, 0, e).append('d').append(text, e + 1, text.length());
    }
  }
}
