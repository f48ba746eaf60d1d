package dev.swimmy.bot.core.sexp;

/**
 * Reads one item of a streamed cell (see {@link SexpReader#read(java.io.InputStream, String,
 * ItemScanner, java.util.function.Consumer)}) straight from the reader's characters, instead of
 * the reader building the item's tree. A scanner that knows the shape of the items it expects can
 * take the parts it needs and step over the rest without materialising them.
 *
 * <p>The contract that keeps results identical: a scanner either reads the whole item, exactly as
 * the reader would have read it, and returns the index after it, or it returns {@link #DECLINE}
 * having changed nothing, and the reader then reads that item as a tree as usual (and reports its
 * errors with their line and column). A scanner declines whatever it cannot vouch for: a shape it
 * does not expect, syntax the {@link ScanText} helpers do not vouch for, or the window's end.
 */
@FunctionalInterface
public interface ItemScanner {
  /** Returned by {@link #scan} when the reader should read the item itself. */
  int DECLINE = -1;

  /**
   * Reads the item that starts at {@code text.at(from)} (an open parenthesis), or declines.
   *
   * @return the index just after the item, or {@link #DECLINE}
   */
  int scan(ScanText text, int from);
}
