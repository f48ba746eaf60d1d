package dev.swimmy.bot.core.sexp;

import dev.swimmy.bot.core.sexp.Sexp.Dotted;
import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Str;
import dev.swimmy.bot.core.sexp.Sexp.Vec;
import dev.swimmy.bot.core.sexp.SexpParseException.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code #A} arrays. SBCL prints strings readably as {@code #A((16) base-char . "..")}
 * (dimensions, element type, contents); the standard {@code #nA(..)} form is read too. Only
 * strings and vectors come out: a multi-dimensional array becomes nested vectors.
 */
final class ArraySyntax {
  private ArraySyntax() {}

  static Sexp fromReadSyntax(int rank, Sexp form, SexpParser p, int at)
      throws SexpParseException {
    if (rank < 0) {
      return sbclForm(form, p, at);
    }
    return ranked(rank, form, p, at);
  }

  private static Sexp sbclForm(Sexp form, SexpParser p, int at) throws SexpParseException {
    List<Sexp> items;
    Sexp contents;
    if (form instanceof Dotted d && d.items().size() == 2) {
      items = d.items();
      contents = d.tail();
    } else if (form instanceof Lst l && l.items().size() >= 2) {
      items = l.items();
      contents = new Lst(l.items().subList(2, l.items().size()));
    } else {
      throw p.error(Kind.REFUSED, "#A needs (dimensions element-type . contents)", at);
    }
    if (!(items.get(0) instanceof Lst dims) || dims.items().size() != 1
        || !(dims.items().get(0) instanceof Int length)) {
      throw p.error(Kind.REFUSED, "only one-dimensional #A arrays are read", at);
    }
    Sexp array = ranked(1, contents, p, at);
    int size = array instanceof Str s ? s.value().length() : ((Vec) array).items().size();
    if (length.value().intValue() != size || length.value().bitLength() > 31) {
      throw p.error(Kind.READER_ERROR, "#A contents do not match its dimensions", at);
    }
    return array;
  }

  private static Sexp ranked(int rank, Sexp form, SexpParser p, int at)
      throws SexpParseException {
    if (rank == 0) {
      return form;
    }
    if (rank == 1 && (form instanceof Str || form instanceof Vec)) {
      return form;
    }
    List<Sexp> items;
    if (form instanceof Lst l) {
      items = l.items();
    } else if (form instanceof Vec v) {
      items = v.items();
    } else {
      throw p.error(Kind.READER_ERROR, "#" + rank + "A needs a list of contents", at);
    }
    if (rank == 1) {
      return new Vec(items);
    }
    List<Sexp> rows = new ArrayList<>(items.size());
    for (Sexp item : items) {
      rows.add(ranked(rank - 1, item, p, at));
    }
    return new Vec(rows);
  }
}
