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
 */
final class ShortestFloat {
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
}
