package dev.swimmy.bot.core.relay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.swimmy.bot.core.sexp.SexpMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Streams the plain values of an engine alist (see {@link SexpMap}) through Jackson's generator as
 * JSON text: compact with keys in file order, or canonical with object keys sorted. One pass, with
 * no intermediate map tree: serialising each intake payload twice through an {@code ObjectMapper}
 * was the largest cost on the PULL thread. The generator is the one the mappers use, so the text is
 * theirs byte for byte ({@code SexpJsonWriterTest} compares them on random payloads).
 */
final class SexpJsonWriter {
  private final JsonFactory factory;
  private final boolean sortKeys;
  private boolean keysInOrder = true;

  private SexpJsonWriter(JsonFactory factory, boolean sortKeys) {
    this.factory = factory;
    this.sortKeys = sortKeys;
  }

  /** Keys in file order; {@link #keysWereInOrder()} then tells whether that is also the canonical form. */
  static SexpJsonWriter compact(JsonFactory factory) {
    return new SexpJsonWriter(factory, false);
  }

  /** Object keys sorted as Java sorts strings, as {@code ORDER_MAP_ENTRIES_BY_KEYS} does. */
  static SexpJsonWriter canonical(JsonFactory factory) {
    return new SexpJsonWriter(factory, true);
  }

  /** The JSON as text (the message body). */
  String text(SexpMap map) {
    SegmentedStringWriter out = new SegmentedStringWriter(factory._getBufferRecycler());
    try {
      try (JsonGenerator g = factory.createGenerator(out)) {
        value(g, map);
      }
      return out.getAndClear();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
  }

  /**
   * The JSON as UTF-8 bytes, as a mapper's {@code writeValueAsBytes} gives them: Jackson's byte
   * generator writes a surrogate pair as two escapes, where text holds the character itself.
   */
  byte[] utf8(SexpMap map) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(factory._getBufferRecycler())) {
      try (JsonGenerator g = factory.createGenerator(out)) {
        value(g, map);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory", e);
    }
  }

  /** True unless the last compact write met an object whose keys were not already sorted. */
  boolean keysWereInOrder() {
    return keysInOrder;
  }

  private void value(JsonGenerator g, Object value) throws IOException {
    if (value instanceof SexpMap map) {
      object(g, map.asMap());
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Long l) {
      g.writeNumber(l);
    } else if (value instanceof BigInteger b) {
      g.writeNumber(b);
    } else if (value instanceof Double d) {
      g.writeNumber(d);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value == null) {
      g.writeNull();
    } else {
      throw new IllegalArgumentException("not a plain alist value: " + value.getClass().getSimpleName());
    }
  }

  private void object(JsonGenerator g, Map<String, Object> map) throws IOException {
    String[] keys = map.keySet().toArray(new String[0]);
    for (int i = 1; i < keys.length && keysInOrder; i++) {
      keysInOrder = keys[i - 1].compareTo(keys[i]) < 0;
    }
    if (sortKeys) {
      Arrays.sort(keys);
    }
    g.writeStartObject();
    for (String key : keys) {
      g.writeFieldName(key);
      value(g, map.get(key));
    }
    g.writeEndObject();
  }
}
