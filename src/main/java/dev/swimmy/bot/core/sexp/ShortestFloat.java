package dev.swimmy.bot.core.sexp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as a given single float, which is what SBCL prints and
 * what {@link Sexp.Real} keeps. {@code Float.toString} is not enough: JDK 17's sometimes prints
 * more digits than needed (JDK-4511638: {@code 1.93825771E13} for SBCL's {@code 1.9382577e13}),
 * and when two shortest decimals are equally close JDK 19+ picks the even digit where SBCL rounds
 * half up ({@code -1384628.2} against SBCL's {@code -1384628.3}). So shorter roundings of the
 * exact value, half up, are tried while they read back.
 *
 * <p>That search costs several {@code BigDecimal} operations, and the literal a float was read
 * from is usually already its answer (SBCL wrote it), so {@link #of(float, long, int)} first
 * proves that with a few exact double comparisons and searches only when it cannot.
 */
final class ShortestFloat {
  /** Powers of ten that are exact doubles. */
  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final long MAX_FLOAT_DIGITS = 999_999_999L;

  private ShortestFloat() {}

  static double of(float value) {
    String printed = Float.toString(value);
    if (value == 0 || !Float.isFinite(value)) {
      return Double.parseDouble(printed);
    }
    BigDecimal exact = new BigDecimal(value);
    BigDecimal best = new BigDecimal(printed);
    for (int digits = best.precision(); digits > 0; digits--) {
      BigDecimal shorter = exact.round(new MathContext(digits, RoundingMode.HALF_UP));
      if (shorter.floatValue() != value) {
        break;
      }
      best = shorter;
    }
    return best.doubleValue();
  }

  /**
   * The same as {@link #of(float)} for a {@code value} read from the literal {@code significand
   * × 10^exponent} (significand without sign; negative when the literal's digits are unknown).
   *
   * <p>The literal is the answer when (a) no decimal one digit shorter reads back as the value,
   * which holds when the two nearest ones, the literal cut and cut-plus-one, fall outside the
   * value's rounding interval (the interval is connected, so any shorter decimal inside it would
   * put one of those two inside too); and (b) the literal is the nearest decimal of its length to
   * the exact value, so rounding half up gives it back. The interval is symmetric unless the
   * value is a power of two, and then the search's first failure is at (a)'s length; powers of
   * two and subnormals are left to the search.
   */
  static double of(float value, long significand, int exponent) {
    long m = significand;
    int q = exponent;
    while (m > 0 && m % 10 == 0) {
      m /= 10;
      q++;
    }
    float magnitude = Math.abs(value);
    // One to nine digits, and powers of ten that exact() can use for q and q + 1.
    boolean simple =
        m >= 1
            && m <= MAX_FLOAT_DIGITS
            && q >= -22
            && q <= 21
            && magnitude >= Float.MIN_NORMAL
            && magnitude < Float.MAX_VALUE;
    boolean powerOfTwo = (Float.floatToRawIntBits(magnitude) & 0x7F_FFFF) == 0;
    if (!simple || !(powerOfTwo ? isExactDigit(magnitude, m, q) : isShortest(magnitude, m, q))) {
      return of(value);
    }
    double literal = exact(m, q);
    return value < 0 ? -literal : literal;
  }

  /**
   * True for a one-digit literal that is the value exactly (1.0, 4.0, 0.5, the engine's common
   * figures): no shorter decimal exists and rounding gives the literal back, whatever the
   * interval's shape.
   */
  private static boolean isExactDigit(float magnitude, long m, int q) {
    return m < 10 && exact(m, q) == magnitude;
  }

  private static boolean isShortest(float magnitude, long m, int q) {
    double v = magnitude;
    double halfUlp = Math.ulp(magnitude) / 2.0;
    double below = exact(m / 10, q + 1);
    double above = exact(m / 10 + 1, q + 1);
    boolean noShorter = below < v - halfUlp && above > v + halfUlp;
    boolean nearest = exact(2 * m - 1, q) / 2 < v && exact(2 * m + 1, q) / 2 > v;
    return noShorter && nearest;
  }

  /**
   * The double nearest to {@code m × 10^q}, correctly rounded because both operands are exact
   * doubles (m below 2^53, |q| ≤ 22) and IEEE division and multiplication round once. Rounding
   * is monotonic, so a strict comparison of this with a double holds for the exact decimal too.
   */
  private static double exact(long m, int q) {
    return q < 0 ? m / POWERS_OF_TEN[-q] : m * POWERS_OF_TEN[q];
  }
}
