package dev.swimmy.bot.core.sexp;

/**
 * How much input the reader accepts. The defaults fit the engine's real files with room to
 * spare: the largest, a 20,000-entry backtest cache, is 4.7 MB and nests five levels deep.
 *
 * @param maxBytes the largest input, in bytes; positive
 * @param maxDepth the deepest nesting of lists and vectors; positive
 */
public record SexpLimits(int maxBytes, int maxDepth) {
  /** 32 MiB and 64 levels. */
  public static final SexpLimits DEFAULT = new SexpLimits(32 * 1024 * 1024, 64);

  public SexpLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be positive");
    }
  }
}
