package dev.swimmy.bot.core.sexp;

import dev.swimmy.bot.core.sexp.SexpParseException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads the first S-expression of a text the way SBCL's {@code read} does with {@code
 * *read-eval*} off, for everything the engine's printer writes and the rest of standard syntax
 * a hand-edited file may hold: comments ({@code ;}, {@code #| |#}), {@code |piped|} and
 * package-qualified symbols, {@code #\c} characters, {@code #(..)} vectors, {@code #A} arrays
 * (SBCL prints strings readably as {@code #A((16) base-char . "..")}), integers of any size,
 * ratios, every float exponent marker, radix integers, CRLF and a UTF-8 byte-order mark.
 *
 * <p>Reader macros that evaluate or build objects ({@code #.}, {@code #+}, {@code #S}, ...) are
 * refused. The reader is iterative, so nesting is bounded by {@link SexpLimits#maxDepth()} and not
 * by the Java stack, and it does a constant amount of work per character. Anything after the
 * first form is ignored, as Lisp's {@code read} ignores it.
 */
public final class SexpReader {
  private final SexpLimits limits;

  /** A reader that refuses input beyond {@code limits}. */
  public SexpReader(SexpLimits limits) {
    this.limits = limits;
  }

  /** A reader with {@link SexpLimits#DEFAULT}. */
  public SexpReader() {
    this(SexpLimits.DEFAULT);
  }

  /** The size limit, in bytes. */
  public int maxBytes() {
    return limits.maxBytes();
  }

  /** Reads the first form of {@code text} with the default limits. */
  public static Sexp parse(String text) throws SexpParseException {
    return new SexpReader().read(text);
  }

  /** Reads the first form of UTF-8 bytes; malformed UTF-8 is a reader error. */
  public Sexp read(byte[] utf8) throws SexpParseException {
    return new SexpParser(chars(utf8), limits.maxDepth()).parse();
  }

  /** What became of the cell a {@link #read(byte[], String, Consumer) streaming read} looked for. */
  public enum Cell {
    /** No top-level cell had the key: the tree is whole and no item was streamed. */
    ABSENT,
    /** The first cell with the key was a proper list: its items were streamed, it reads as (key). */
    LIST,
    /**
     * The first cell with the key turned out dotted, {@code (key a . b)}: some items were streamed
     * and the tree lacks them, so read the bytes again without streaming.
     */
    NOT_A_LIST
  }

  /**
   * A streaming read's tree and what became of the streamed cell.
   *
   * @param tree the form read, without the streamed items
   * @param cell what became of the streamed cell
   */
  public record Streamed(Sexp tree, Cell cell) {}

  /**
   * Reads like {@link #read(byte[])}, except that the items of the first cell of the top-level
   * list whose key is {@code key} (a symbol, compared as {@link SexpMap} compares keys) go to
   * {@code items} one by one as they are read, and are not kept: the cell reads as {@code (key)}.
   * A long list is then never held whole. A reader error may come after some items were streamed.
   */
  public Streamed read(byte[] utf8, String key, Consumer<Sexp> items) throws SexpParseException {
    SexpParser parser =
        new SexpParser(chars(utf8), limits.maxDepth(), SexpMap.normalize(key), items);
    Sexp tree = parser.parse();
    return new Streamed(tree, parser.streamed());
  }

  /** Bytes read from a stream at a time, and the characters the window starts with. */
  static final int WINDOW = 64 * 1024;

  /**
   * Reads like {@link #read(byte[], String, Consumer)}, but pulls the bytes from {@code utf8} as
   * it goes: the stream is read only up to the end of the first form, through a window of about
   * 64 KiB that grows only to hold a single longer token, so the memory a read needs does not grow
   * with the input. The size limit counts the bytes read; past it the read stops with {@code
   * TOO_LARGE}. The stream is not closed.
   *
   * @throws IOException if reading the stream fails
   */
  public Streamed read(InputStream utf8, String key, Consumer<Sexp> items)
      throws SexpParseException, IOException {
    return read(utf8, key, items, WINDOW);
  }

  /**
   * Reads like {@link #read(InputStream, String, Consumer)}, except that each item of the streamed
   * cell is first offered to {@code scanner}: an item it reads is neither built nor passed to
   * {@code items}; an item it declines is read and passed on as usual. The result is the same as
   * long as the scanner keeps {@link ItemScanner}'s contract.
   *
   * @throws IOException if reading the stream fails
   */
  public Streamed read(InputStream utf8, String key, ItemScanner scanner, Consumer<Sexp> items)
      throws SexpParseException, IOException {
    return read(utf8, key, scanner, items, WINDOW);
  }

  /** {@link #read(InputStream, String, Consumer)} with a window of {@code window} characters. */
  Streamed read(InputStream utf8, String key, Consumer<Sexp> items, int window)
      throws SexpParseException, IOException {
    return read(utf8, key, null, items, window);
  }

  /** {@link #read(InputStream, String, ItemScanner, Consumer)} with a window of {@code window}. */
  Streamed read(InputStream utf8, String key, ItemScanner scanner, Consumer<Sexp> items, int window)
      throws SexpParseException, IOException {
    try {
      Utf8Input input = new Utf8Input(utf8, limits.maxBytes(), Math.max(window, 16));
      SexpParser parser = new SexpParser(input, window, limits.maxDepth(),
          key == null ? null : SexpMap.normalize(key), scanner, items);
      Sexp tree = parser.parse();
      return new Streamed(tree, parser.streamed());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private char[] chars(byte[] utf8) throws SexpParseException {
    if (utf8.length > limits.maxBytes()) {
      throw tooLarge(utf8.length);
    }
    CharBuffer chars;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8));
    } catch (CharacterCodingException e) {
      throw new SexpParseException(Kind.READER_ERROR, "input is not valid UTF-8", 1, 1);
    }
    // The decoder's own array, when it is exactly the text (always, for ASCII), saves a String
    // and a copy of several megabytes.
    char[] array = chars.array();
    int from = chars.arrayOffset();
    return from == 0 && array.length == chars.limit()
        ? array
        : Arrays.copyOfRange(array, from, from + chars.limit());
  }

  /** Reads the first form of {@code text}. */
  public Sexp read(String text) throws SexpParseException {
    if (text.length() > limits.maxBytes()) {
      throw tooLarge(text.length());
    }
    return new SexpParser(text.toCharArray(), limits.maxDepth()).parse();
  }

  private SexpParseException tooLarge(int size) {
    return new SexpParseException(
        Kind.TOO_LARGE,
        "input of " + size + " bytes is over the limit of " + limits.maxBytes(),
        1,
        1);
  }
}
