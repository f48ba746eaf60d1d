package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.sexp.Sexp;
import dev.swimmy.bot.core.sexp.Sexp.Chr;
import dev.swimmy.bot.core.sexp.Sexp.Dotted;
import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Ratio;
import dev.swimmy.bot.core.sexp.Sexp.Real;
import dev.swimmy.bot.core.sexp.Sexp.Str;
import dev.swimmy.bot.core.sexp.Sexp.Sym;
import dev.swimmy.bot.core.sexp.Sexp.Vec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of random trees for property tests; the same seed always gives the same
 * tree, so a failure is reproduced from the seed it prints.
 *
 * <p>{@link #anyTree} covers every node kind and every corner the writer must escape. {@link
 * #sbclTree} keeps to what SBCL can read and what {@code lisp_to_json.lisp} maps the same way as
 * {@code SexpView}: no package-qualified symbols but keywords, no vectors (the script prints them
 * as text), no subnormal floats (see {@link #normal}), dotted pairs only as {@code (key . atom)} cells of an alist, and every symbol name
 * made unique, so no two alist or plist keys collide.
 */
public final class SexpGen {
  private static final String[] STRING_PIECES = {
    "a", "Z", " ", "\"", "\\", "\n", "\r\n", "\t", "é", "日本", "😀", "|", "#|", "|#", ";", "(", ")",
    "'", "`", ",", "nil", "1.5d0", "\u0000", "\u007f", "\u00a0", "\u2028", "\uFEFF", ":", "."
  };
  private static final String[] NAME_PIECES = {
    "A", "B", "Z", "-", "*", "+", "=", "<", ">", "/", "!", "?", "%", "&", "$", "^", "~", "_", "@",
    ".", "1", "9", "a", "z", " ", "|", "\\", "(", ")", ":", "#", "'", "\"", ";", ",", "`", "é", "Ω", "😀"
  };
  /** Names that look like numbers, dots or nil unless the writer escapes them. */
  private static final String[] TRICKY_NAMES = {
    "NIL", "T", "", ".", "..", "1", "+1", "-1", "1/2", "1.5", "1E5", "1D0", "+", "-", ".5", "1.", "E5",
    "nil", "t", "Foo", "foo bar", "A:B", "A::B"
  };
  private static final int[] NAMED_CHARS = {' ', '\n', '\t', '\r', '\f', '\b', 0x7f, 0, 27, 7};
  private static final int[] PLAIN_CHARS = {
    'a', 'Z', '0', '(', ')', '"', '\\', '|', '#', ';', '\'', '`', ',', ':', '.', 'é', 'Ω', '日', 0x1F600
  };

  private final SplittableRandom rnd;
  private final boolean sbcl;
  private final int maxDepth;
  private int serial;

  private SexpGen(long seed, boolean sbcl, int maxDepth) {
    this.rnd = new SplittableRandom(seed);
    this.sbcl = sbcl;
    this.maxDepth = maxDepth;
  }

  /** Any tree of at most {@code maxDepth} nested lists. */
  public static Sexp anyTree(long seed, int maxDepth) {
    return new SexpGen(seed, false, maxDepth).node(0);
  }

  /** A tree that SBCL reads and that {@code lisp_to_json.lisp} maps as {@code SexpView} does. */
  public static Sexp sbclTree(long seed, int maxDepth) {
    return new SexpGen(seed, true, maxDepth).node(0);
  }

  private Sexp node(int depth) {
    if (depth >= maxDepth || rnd.nextInt(10) < 4) {
      return atom();
    }
    switch (rnd.nextInt(sbcl ? 4 : 6)) {
      case 0:
        return alist(depth);
      case 1:
        return plist(depth);
      case 2:
      case 3:
        return new Lst(items(depth, 0));
      case 4:
        return new Vec(items(depth, 0));
      default:
        return new Dotted(items(depth, 1), nonNilAtom());
    }
  }

  private List<Sexp> items(int depth, int min) {
    int n = min + rnd.nextInt(6);
    List<Sexp> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(node(depth + 1));
    }
    return out;
  }

  private Sexp alist(int depth) {
    int n = 1 + rnd.nextInt(5);
    List<Sexp> cells = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Sym key = rnd.nextBoolean() ? keyword() : symbol();
      if (rnd.nextBoolean()) {
        cells.add(new Dotted(List.of(key), nonNilAtom()));
      } else {
        List<Sexp> cell = new ArrayList<>();
        cell.add(key);
        cell.addAll(items(depth + 1, 0));
        cells.add(new Lst(cell));
      }
    }
    return new Lst(cells);
  }

  private Sexp plist(int depth) {
    int n = 1 + rnd.nextInt(4);
    List<Sexp> items = new ArrayList<>(2 * n);
    for (int i = 0; i < n; i++) {
      items.add(keyword());
      items.add(node(depth + 1));
    }
    return new Lst(items);
  }

  private Sexp nonNilAtom() {
    Sexp atom = atom();
    return atom == Sexp.NIL ? Sexp.T : atom;
  }

  private Sexp atom() {
    switch (rnd.nextInt(14)) {
      case 0:
        return Sexp.NIL;
      case 1:
        return Sexp.T;
      case 2:
        return Int.of(rnd.nextInt(2001) - 1000);
      case 3:
        return new Int(bigInteger());
      case 4:
        return ratio();
      case 5:
        return sbcl ? normal(single()) : single();
      case 6:
      case 7:
        return sbcl ? normal(doubleFloat()) : doubleFloat();
      case 8:
        return new Str(text(STRING_PIECES, 12));
      case 9:
        return symbol();
      case 10:
        return keyword();
      case 11:
        return qualifiedOrUninterned();
      case 12:
        return character();
      default:
        return Int.of(rnd.nextLong());
    }
  }

  private BigInteger bigInteger() {
    BigInteger big = new BigInteger(1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 1000 : 100), new java.util.Random(rnd.nextLong()));
    return rnd.nextBoolean() ? big.negate() : big;
  }

  private Sexp ratio() {
    int bits = rnd.nextInt(4) == 0 ? 200 : 40;
    java.util.Random r = new java.util.Random(rnd.nextLong());
    BigInteger num = new BigInteger(bits, r);
    BigInteger den = new BigInteger(bits, r).add(BigInteger.TWO);
    BigInteger gcd = num.gcd(den);
    num = num.divide(gcd);
    den = den.divide(gcd);
    if (den.equals(BigInteger.ONE)) {
      return new Int(num);
    }
    return new Ratio(rnd.nextBoolean() ? num.negate() : num, den);
  }

  /**
   * SBCL 2.2.9 does not round subnormal decimals correctly when reading ({@code 4.9d-324} reads as
   * {@code 0.0d0}, {@code 1.0d-310} as {@code 9.99999999999997d-311}), so SBCL mode keeps to
   * normal floats; the engine's figures are never that small.
   */
  private static Real normal(Real r) {
    double magnitude = Math.abs(r.value());
    boolean subnormal = magnitude != 0 && magnitude < (r.single() ? Float.MIN_NORMAL : Double.MIN_NORMAL);
    return subnormal ? new Real(r.single() ? 1.5 : -2.5, r.single()) : r;
  }

  private Real single() {
    switch (rnd.nextInt(6)) {
      case 0:
        return Real.ofSingle(rnd.nextBoolean() ? -0.0f : 0.0f);
      case 1:
        return Real.ofSingle(rnd.nextBoolean() ? Float.MIN_VALUE : Float.MAX_VALUE);
      case 2:
        return Real.ofSingle((float) (rnd.nextDouble() * 1000 - 500));
      default:
        float f;
        do {
          f = Float.intBitsToFloat(rnd.nextInt());
        } while (!Float.isFinite(f));
        return Real.ofSingle(f);
    }
  }

  private Real doubleFloat() {
    switch (rnd.nextInt(6)) {
      case 0:
        return Real.ofDouble(rnd.nextBoolean() ? -0.0 : 0.0);
      case 1:
        return Real.ofDouble(new double[] {Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e-300, 1e300}[rnd.nextInt(5)]);
      case 2:
        return Real.ofDouble(Math.round(rnd.nextDouble() * 1e6) / 100.0 - 5000);
      default:
        double d;
        do {
          d = Double.longBitsToDouble(rnd.nextLong());
        } while (!Double.isFinite(d));
        return Real.ofDouble(d);
    }
  }

  private Sym symbol() {
    return new Sym(null, name());
  }

  private Sym keyword() {
    return Sym.keyword(name());
  }

  private Sym qualifiedOrUninterned() {
    if (sbcl || rnd.nextBoolean()) {
      return new Sym("", name());
    }
    String pkg = rnd.nextBoolean() ? "SWIMMY.CORE" : text(NAME_PIECES, 4);
    return new Sym(pkg, name());
  }

  /** A symbol name; in SBCL mode ASCII and unique, so keys never collide and case maps alike. */
  private String name() {
    if (sbcl) {
      String base = rnd.nextInt(4) == 0 ? TRICKY_NAMES[rnd.nextInt(TRICKY_NAMES.length)] : text(NAME_PIECES, 3);
      return base.replaceAll("[^\\x20-\\x7e]", "X") + "K" + (serial++);
    }
    return rnd.nextInt(4) == 0 ? TRICKY_NAMES[rnd.nextInt(TRICKY_NAMES.length)] : text(NAME_PIECES, 8);
  }

  private Chr character() {
    int kind = rnd.nextInt(4);
    if (kind == 0) {
      return new Chr(NAMED_CHARS[rnd.nextInt(NAMED_CHARS.length)]);
    }
    if (kind == 1) {
      int[] odd = {1, 0x1f, 0x85, 0xa0, 0x2028, 0x3000, 0xFEFF, 0x10FFFF, 'U', '+'};
      return new Chr(odd[rnd.nextInt(odd.length)]);
    }
    if (kind == 2) {
      return new Chr(0x21 + rnd.nextInt(0x5e));
    }
    return new Chr(PLAIN_CHARS[rnd.nextInt(PLAIN_CHARS.length)]);
  }

  private String text(String[] pieces, int maxPieces) {
    int n = rnd.nextInt(maxPieces + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(pieces[rnd.nextInt(pieces.length)]);
    }
    return sb.toString();
  }
}
