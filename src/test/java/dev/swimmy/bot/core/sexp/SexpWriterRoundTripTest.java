package dev.swimmy.bot.core.sexp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.swimmy.bot.testing.SexpGen;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The property that makes the writer safe to use for the engine's files: whatever tree it
 * writes, the reader reads back the same tree, from the text and from its UTF-8 bytes.
 */
class SexpWriterRoundTripTest {
  private static final long FIRST_SEED = 20_260_211L;
  private static final int TREES = 3_000;

  @Test
  void everyGeneratedTree_readsBackEqualFromWhatTheWriterWrote() {
    SexpReader reader = new SexpReader();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + TREES; seed++) {
      Sexp tree = SexpGen.anyTree(seed, 5);
      String text = SexpWriter.write(tree);
      try {
        Sexp fromText = reader.read(text);
        Sexp fromBytes = reader.read(text.getBytes(StandardCharsets.UTF_8));
        if (!fromText.equals(tree) || !fromBytes.equals(tree)) {
          fail("seed %d: read back a different tree%nwritten: %s%nexpected: %s%nread:     %s",
              seed, text, tree, fromText);
        }
      } catch (SexpParseException e) {
        fail("seed %d: the reader refused what the writer wrote: %s%nwritten: %s", seed, e.getMessage(), text);
      }
    }
  }

  @Test
  void theGenerator_coversEveryNodeKind() {
    java.util.Set<Class<?>> kinds = new java.util.HashSet<>();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + 200; seed++) {
      collectKinds(SexpGen.anyTree(seed, 5), kinds);
    }
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            Sexp.Lst.class, Sexp.Dotted.class, Sexp.Sym.class, Sexp.Str.class, Sexp.Chr.class,
            Sexp.Vec.class, Sexp.Int.class, Sexp.Ratio.class, Sexp.Real.class);
  }

  private static void collectKinds(Sexp tree, java.util.Set<Class<?>> kinds) {
    kinds.add(tree.getClass());
    if (tree instanceof Sexp.Lst l) {
      l.items().forEach(i -> collectKinds(i, kinds));
    } else if (tree instanceof Sexp.Vec v) {
      v.items().forEach(i -> collectKinds(i, kinds));
    } else if (tree instanceof Sexp.Dotted d) {
      d.items().forEach(i -> collectKinds(i, kinds));
      collectKinds(d.tail(), kinds);
    }
  }
}
