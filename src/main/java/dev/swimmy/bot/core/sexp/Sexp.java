package dev.swimmy.bot.core.sexp;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One value read from an S-expression, as Common Lisp's reader would make it.
 *
 * <p>The tree is immutable and small on purpose: lists ({@link Lst}, with {@code NIL} being the
 * empty one), dotted lists ({@link Dotted}), symbols, strings, characters, vectors and the four
 * kinds of number the engine's printer writes. {@link SexpView} turns alists and keyword plists
 * into ordered maps.
 */
public sealed interface Sexp {

  /** The empty list, which Lisp also spells {@code nil}. */
  Lst NIL = new Lst(List.of());

  /** The symbol {@code t}. */
  Sym T = new Sym(null, "T");

  /** A proper list; the empty one is {@code nil}. */
  record Lst(List<Sexp> items) implements Sexp {
    public Lst {
      items = List.copyOf(items);
    }

    /** Whether this is the empty list, {@code nil}. */
    public boolean isNil() {
      return items.isEmpty();
    }
  }

  /** A list whose last cdr is not a list: {@code (a . 1)} or {@code (a b . c)}. */
  record Dotted(List<Sexp> items, Sexp tail) implements Sexp {
    public Dotted {
      items = List.copyOf(items);
      Objects.requireNonNull(tail, "tail");
      if (items.isEmpty()) {
        throw new IllegalArgumentException("a dotted list needs at least one item before the dot");
      }
      if (tail instanceof Lst || tail instanceof Dotted) {
        throw new IllegalArgumentException("a list tail makes a longer list, not a dotted one");
      }
    }
  }

  /**
   * A symbol. {@code name} is what Lisp's reader interned: upper case for unescaped letters.
   * {@code pkg} is null for an unqualified symbol, {@code "KEYWORD"} for a keyword, {@code ""}
   * for an uninterned {@code #:name}.
   */
  record Sym(String pkg, String name) implements Sexp {
    /** The package of keyword symbols ({@code :name}). */
    public static final String KEYWORD = "KEYWORD";

    public Sym {
      Objects.requireNonNull(name, "name");
    }

    /** The keyword {@code :name}; {@code name} as interned, usually upper case. */
    public static Sym keyword(String name) {
      return new Sym(KEYWORD, name);
    }

    /** Whether the symbol is in the keyword package. */
    public boolean isKeyword() {
      return KEYWORD.equals(pkg);
    }

    /** The name as the engine's printer writes it with {@code *print-case* :downcase}. */
    public String lowerName() {
      return name.toLowerCase(Locale.ROOT);
    }
  }

  /** A string; {@code #A((n) base-char . "..")} reads as one too. */
  record Str(String value) implements Sexp {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A character such as {@code #\a} or {@code #\Space}, as a Unicode code point. */
  record Chr(int codePoint) implements Sexp {
    public Chr {
      if (!Character.isValidCodePoint(codePoint)) {
        throw new IllegalArgumentException("not a code point: " + codePoint);
      }
    }
  }

  /** A one-dimensional array, {@code #(a b c)}. */
  record Vec(List<Sexp> items) implements Sexp {
    public Vec {
      items = List.copyOf(items);
    }
  }

  /** An integer of any size. */
  record Int(BigInteger value) implements Sexp {
    public Int {
      Objects.requireNonNull(value, "value");
    }

    /** The integer {@code value}. */
    public static Int of(long value) {
      return new Int(BigInteger.valueOf(value));
    }
  }

  /** A ratio in lowest terms with a denominator above 1, such as {@code 1/3}. */
  record Ratio(BigInteger numerator, BigInteger denominator) implements Sexp {
    public Ratio {
      if (denominator.signum() <= 0 || denominator.equals(BigInteger.ONE)) {
        throw new IllegalArgumentException("denominator must be above 1");
      }
      if (!numerator.gcd(denominator).equals(BigInteger.ONE)) {
        throw new IllegalArgumentException("ratio not in lowest terms");
      }
    }

    /**
     * The nearest double, as SBCL's {@code (coerce r 'double-float)}: the quotient is taken to 62
     * bits with a sticky bit for any remainder, so converting it rounds once, not twice.
     */
    public double toDouble() {
      BigInteger n = numerator.abs();
      int shift = denominator.bitLength() - n.bitLength() + 62;
      BigInteger[] qr =
          shift >= 0
              ? n.shiftLeft(shift).divideAndRemainder(denominator)
              : n.divideAndRemainder(denominator.shiftLeft(-shift));
      long q = qr[0].longValueExact() | (qr[1].signum() == 0 ? 0 : 1);
      double magnitude = Math.scalb((double) q, -shift);
      return numerator.signum() < 0 ? -magnitude : magnitude;
    }
  }

  /**
   * A float. A {@code single} float keeps its value rounded to float precision but stored as
   * the double of its shortest decimal form, so {@code 77.582146} stays {@code 77.582146}.
   */
  record Real(double value, boolean single) implements Sexp {
    public Real {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("Lisp floats read from text are finite");
      }
    }

    /** A double float; {@code value} must be finite. */
    public static Real ofDouble(double value) {
      return new Real(value, false);
    }

    /** A single float, kept as the double of its shortest decimal form; {@code value} must be finite. */
    public static Real ofSingle(float value) {
      return new Real(ShortestFloat.of(value), true);
    }
  }
}
