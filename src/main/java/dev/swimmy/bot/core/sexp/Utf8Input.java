package dev.swimmy.bot.core.sexp;

import dev.swimmy.bot.core.sexp.SexpParseException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes from a stream, decoded into the parser's window a buffer at a time: the bytes go
 * straight to characters (the JDK's decoder copies ASCII runs without looking further), with no
 * String between, and never more than one byte buffer is held. The byte count is checked against
 * the size limit as it grows, so an endless stream stops at the limit. Package-private.
 */
final class Utf8Input {
  private final InputStream in;
  private final long maxBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  /** Undecoded bytes, in read mode. */
  private final ByteBuffer bytes;

  private long count;
  private boolean inputEnded;
  private boolean exhausted;

  Utf8Input(InputStream in, long maxBytes, int bufferBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.bytes = ByteBuffer.allocate(bufferBytes);
    bytes.flip();
  }

  /** True once every byte has been read and decoded. */
  boolean exhausted() {
    return exhausted;
  }

  /**
   * Decodes characters into {@code s[from..)}, at least one unless the input is exhausted, and
   * returns the index after the last one. {@code s} must have room for two characters (a
   * surrogate pair). An I/O failure comes out as an {@link UncheckedIOException}.
   */
  int read(char[] s, int from) throws SexpParseException {
    CharBuffer out = CharBuffer.wrap(s, from, s.length - from);
    while (out.position() == from && !exhausted) {
      if (!inputEnded && bytes.remaining() < bytes.capacity() / 2) {
        fillBytes();
      }
      CoderResult r = decoder.decode(bytes, out, inputEnded);
      if (r.isError()) {
        throw new SexpParseException(Kind.READER_ERROR, "input is not valid UTF-8", 1, 1);
      }
      if (inputEnded && !bytes.hasRemaining() && r.isUnderflow()) {
        decoder.flush(out);
        exhausted = true;
      }
    }
    return out.position();
  }

  private void fillBytes() throws SexpParseException {
    bytes.compact();
    try {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        inputEnded = true;
      } else {
        bytes.position(bytes.position() + n);
        count += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      bytes.flip();
    }
    if (count > maxBytes) {
      throw new SexpParseException(
          Kind.TOO_LARGE, "input of more than " + maxBytes + " bytes is over the limit", 1, 1);
    }
  }
}
