package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.core.sexp.SexpMap;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the plain values of an engine alist (see {@link SexpMap}) as JSON text, byte for byte as
 * {@link PayloadJson}'s Jackson mappers write them: compact, or with object keys sorted (the
 * canonical form that is hashed). It exists because serialising each intake payload twice through
 * Jackson was the largest cost on the PULL thread. Values it is not sure to write as Jackson does
 * (a non-finite double, a string holding a surrogate, any other type) make it give up and return
 * false; the caller then uses Jackson. {@code PlainJsonTest} compares the two on random payloads.
 */
final class PlainJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder out;
  private final boolean sortKeys;
  private boolean keysInOrder = true;

  private PlainJson(int capacity, boolean sortKeys) {
    this.out = new StringBuilder(capacity);
    this.sortKeys = sortKeys;
  }

  /** A writer of compact JSON, keys in file order. */
  static PlainJson compact(int capacity) {
    return new PlainJson(capacity, false);
  }

  /** A writer of canonical JSON, object keys sorted as Java sorts strings. */
  static PlainJson canonical(int capacity) {
    return new PlainJson(capacity, true);
  }

  /** Appends {@code value}; false if it holds something left to Jackson (the text is then unusable). */
  boolean write(Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      return string(s);
    } else if (value instanceof SexpMap map) {
      return object(map.asMap());
    } else if (value instanceof List<?> list) {
      return array(list);
    } else if (value instanceof Long || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        return false;
      }
      out.append(Double.toString(d));
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else {
      return false;
    }
    return true;
  }

  /** True unless a compact write met an object whose keys were not already sorted. */
  boolean keysWereInOrder() {
    return keysInOrder;
  }

  String text() {
    return out.toString();
  }

  private boolean object(Map<String, Object> map) {
    String[] keys = map.keySet().toArray(new String[0]);
    for (int i = 1; i < keys.length && keysInOrder; i++) {
      keysInOrder = keys[i - 1].compareTo(keys[i]) < 0;
    }
    if (sortKeys) {
      Arrays.sort(keys);
    }
    out.append('{');
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      if (!string(keys[i])) {
        return false;
      }
      out.append(':');
      if (!write(map.get(keys[i]))) {
        return false;
      }
    }
    out.append('}');
    return true;
  }

  private boolean array(List<?> list) {
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      if (!write(list.get(i))) {
        return false;
      }
    }
    out.append(']');
    return true;
  }

  /** Jackson's default escapes: {@code "} and {@code \}, control characters; the rest as is. */
  private boolean string(String s) {
    out.append('"');
    int plainFrom = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        if (Character.isSurrogate(c)) {
          return false;
        }
        continue;
      }
      out.append(s, plainFrom, i);
      plainFrom = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(s, plainFrom, s.length()).append('"');
    return true;
  }
}
