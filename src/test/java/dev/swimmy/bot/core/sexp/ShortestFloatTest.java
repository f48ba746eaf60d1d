package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcut from a literal must choose exactly what the BigDecimal search chooses. */
class ShortestFloatTest {

  @Test
  void literalShortcut_agreesWithTheSearch_forShortestAndLongerLiterals() {
    Random random = new Random(20_000);
    int compared = 0;
    for (int i = 0; i < 200_000; i++) {
      float value = sample(random, i);
      if (!Float.isFinite(value)) {
        continue;
      }
      double searched = ShortestFloat.of(value);
      BigDecimal exact = new BigDecimal(value);
      String[] literals = {
        BigDecimal.valueOf(searched).toString(),
        Float.toString(value),
        exact.round(new MathContext(9)).toString(),
        exact.round(new MathContext(12)).toString(),
      };
      for (String literal : literals) {
        if (Float.parseFloat(literal) != value) {
          continue;
        }
        BigDecimal digits = new BigDecimal(literal).abs().stripTrailingZeros();
        double viaLiteral =
            ShortestFloat.of(value, digits.unscaledValue().longValueExact(), -digits.scale());
        assertThat(viaLiteral).as("%s read from %s", value, literal).isEqualTo(searched);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(500_000);
  }

  @Test
  void literalShortcut_agreesWithTheSearch_forEveryOneDigitLiteral() {
    int compared = 0;
    for (int q = -45; q <= 38; q++) {
      for (int m = 1; m <= 9; m++) {
        float value = Float.parseFloat(m + "e" + q);
        if (!Float.isFinite(value) || value == 0) {
          continue;
        }
        assertThat(ShortestFloat.of(value, m, q)).as("%de%d", m, q).isEqualTo(ShortestFloat.of(value));
        assertThat(ShortestFloat.of(value, 10L * m, q - 1)).as("%d0e%d", m, q - 1)
            .isEqualTo(ShortestFloat.of(value));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(700);
  }

  @Test
  void literalShortcut_keepsSbclsHalfUpChoice() {
    // JDK 19+ prints -1384628.2 (even digit); SBCL and the search say -1384628.3.
    float value = -1384628.25f;
    assertThat(ShortestFloat.of(value, 13846282L, -1)).isEqualTo(-1384628.3);
    assertThat(ShortestFloat.of(value, 13846283L, -1)).isEqualTo(-1384628.3);
  }

  private static float sample(Random random, int i) {
    switch (i % 4) {
      case 0:
        return random.nextFloat();
      case 1:
        return Float.intBitsToFloat(random.nextInt());
      case 2:
        return (float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 5));
      default:
        return random.nextInt(100_000) / 1000f;
    }
  }
}
