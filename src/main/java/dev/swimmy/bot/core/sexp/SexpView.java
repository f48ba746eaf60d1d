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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a tree into plain values the way the engine means them, which is also how the fixture
 * golden answers were made: an alist (every item a cons whose car is a non-nil symbol) or a keyword
 * plist becomes a {@link SexpMap}; {@code (key . nil)}, printed {@code (key)}, has the value nil;
 * {@code (key a b)} has the list {@code (a b)} as its value (which may itself be a map); {@code t}
 * is true, {@code nil} null, other symbols their lower-case name (keywords keep their colon).
 */
public final class SexpView {
  /**
   * Each key symbol's spelling and normal form; keys repeat across thousands of entries, and the
   * parser hands out one Sym per repeated key, so identity finds them without hashing names.
   */
  private final Map<Sym, Key> keys = new IdentityHashMap<>();

  private SexpView() {}

  /** The plain value of a tree. */
  public static Object toPlain(Sexp sexp) {
    return new SexpView().plain(sexp);
  }

  /** The tree as a map, if it is an alist or a keyword plist. */
  public static Optional<SexpMap> asMap(Sexp sexp) {
    return toPlain(sexp) instanceof SexpMap map ? Optional.of(map) : Optional.empty();
  }

  private Object plain(Sexp sexp) {
    if (sexp instanceof Lst lst) {
      return list(lst.items());
    }
    if (sexp instanceof Str s) {
      return s.value();
    }
    if (sexp instanceof Int i) {
      return i.value().bitLength() < 64 ? (Object) i.value().longValue() : i.value();
    }
    if (sexp instanceof Real r) {
      return r.value();
    }
    if (sexp instanceof Sym sym) {
      if (sym == Sexp.T || (sym.pkg() == null && "T".equals(sym.name()))) {
        return Boolean.TRUE;
      }
      return sym.isKeyword() ? ":" + sym.lowerName() : sym.lowerName();
    }
    if (sexp instanceof Ratio r) {
      return r.toDouble();
    }
    if (sexp instanceof Chr c) {
      return new String(Character.toChars(c.codePoint()));
    }
    if (sexp instanceof Vec v) {
      return array(v.items(), null);
    }
    Dotted d = (Dotted) sexp;
    return array(d.items(), d.tail());
  }

  private Object list(List<Sexp> items) {
    if (items.isEmpty()) {
      return null;
    }
    if (isAlist(items)) {
      return alist(items);
    }
    if (isPlist(items)) {
      return plist(items);
    }
    return array(items, null);
  }

  private List<Object> array(List<Sexp> items, Sexp tail) {
    List<Object> out = new ArrayList<>(items.size() + 1);
    for (Sexp item : items) {
      out.add(plain(item));
    }
    if (tail != null) {
      out.add(plain(tail));
    }
    return out;
  }

  private static boolean isAlist(List<Sexp> items) {
    for (Sexp item : items) {
      List<Sexp> cell;
      if (item instanceof Lst l && !l.isNil()) {
        cell = l.items();
      } else if (item instanceof Dotted d) {
        cell = d.items();
      } else {
        return false;
      }
      if (!(cell.get(0) instanceof Sym)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPlist(List<Sexp> items) {
    if (items.size() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < items.size(); i += 2) {
      if (!(items.get(i) instanceof Sym sym) || !sym.isKeyword()) {
        return false;
      }
    }
    return true;
  }

  private SexpMap alist(List<Sexp> items) {
    Builder b = new Builder(items.size());
    for (Sexp item : items) {
      if (item instanceof Dotted d) {
        List<Sexp> rest = d.items().subList(1, d.items().size());
        Object value = rest.isEmpty() ? plain(d.tail()) : plain(new Dotted(rest, d.tail()));
        b.put((Sym) d.items().get(0), value);
      } else {
        List<Sexp> cell = ((Lst) item).items();
        b.put((Sym) cell.get(0), list(cell.subList(1, cell.size())));
      }
    }
    return b.build();
  }

  private SexpMap plist(List<Sexp> items) {
    Builder b = new Builder(items.size() / 2);
    for (int i = 0; i < items.size(); i += 2) {
      b.put((Sym) items.get(i), plain(items.get(i + 1)));
    }
    return b.build();
  }

  private Key key(Sym sym) {
    Key key = keys.get(sym);
    if (key == null) {
      String name = sym.lowerName();
      key = new Key(name, SexpMap.normalize(name));
      keys.put(sym, key);
    }
    return key;
  }

  /** A key as the file spelled it (lower case) and in the form keys are compared. */
  private record Key(String name, String norm) {}

  /** Collects entries; the first occurrence of a key wins. */
  private final class Builder {
    private final LinkedHashMap<String, Object> values;
    private String[] names;

    Builder(int size) {
      values = new LinkedHashMap<>(size * 2);
      names = new String[size];
    }

    void put(Sym sym, Object value) {
      Key key = key(sym);
      if (!values.containsKey(key.norm())) {
        names[values.size()] = key.name();
        values.put(key.norm(), value);
      }
    }

    SexpMap build() {
      int size = values.size();
      return new SexpMap(values, names.length == size ? names : Arrays.copyOf(names, size));
    }
  }
}
