package dev.swimmy.bot.core.sexp;

import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An alist or keyword plist seen as an ordered map. Keys match case-insensitively with {@code -}
 * and {@code _} alike, so {@code daily_pnl}, {@code :DAILY-PNL} and {@code Daily_Pnl} are one key;
 * the first occurrence wins, as with Lisp's {@code assoc}. Values are plain: {@link SexpMap},
 * {@code List<Object>}, {@link String}, {@link Long} or {@link java.math.BigInteger}, {@link
 * Double}, {@link Boolean#TRUE}, or null for {@code nil}.
 */
public final class SexpMap {
  /** Normal form to value, in file order. */
  private final Map<String, Object> values;

  /** The keys as the file spelled them, in the same order as {@link #values}; never changed. */
  private final String[] names;

  /** Takes ownership of both arguments: the caller must not keep or change them. */
  SexpMap(LinkedHashMap<String, Object> values, String[] names) {
    if (names.length != values.size()) {
      throw new IllegalArgumentException("one spelling per key");
    }
    this.values = Collections.unmodifiableMap(values);
    this.names = names;
  }

  /** The form in which keys are compared: lower case, {@code _} read as {@code -}. */
  public static String normalize(String key) {
    return key.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the key is there, even with the value {@code nil}. */
  public boolean has(String key) {
    return values.containsKey(normalize(key));
  }

  /** The value, or null when the key is absent or its value is {@code nil}. */
  public Object get(String key) {
    return values.get(normalize(key));
  }

  /** The number of distinct keys (after normalising; repeated keys count once). */
  public int size() {
    return values.size();
  }

  /** Keys as the file spelled them (lower case), in file order. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(Arrays.asList(names)));
  }

  /** The entries keyed as the file spelled them, in file order. */
  public Map<String, Object> asMap() {
    LinkedHashMap<String, Object> out = new LinkedHashMap<>();
    Iterator<String> name = Arrays.asList(names).iterator();
    values.values().forEach(value -> out.put(name.next(), value));
    return Collections.unmodifiableMap(out);
  }

  /** A string value; empty when the key is absent or its value is not a string. */
  public Optional<String> string(String key) {
    return get(key) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** A numeric value ({@link Long}, {@link java.math.BigInteger} or {@link Double}); empty when absent or not a number. */
  public Optional<Number> number(String key) {
    return get(key) instanceof Number n ? Optional.of(n) : Optional.empty();
  }

  /** A nested alist or plist; empty when the key is absent or its value is not a map. */
  public Optional<SexpMap> map(String key) {
    return get(key) instanceof SexpMap m ? Optional.of(m) : Optional.empty();
  }

  /** A list value; {@code nil} counts as the empty list. */
  public Optional<List<Object>> list(String key) {
    Object v = get(key);
    if (v instanceof List<?> list) {
      return Optional.of(Collections.unmodifiableList(list));
    }
    return v == null && has(key) ? Optional.of(List.of()) : Optional.empty();
  }

  /** True when the value is {@code t}; {@code nil} and absence are both false. */
  public boolean flag(String key) {
    return Boolean.TRUE.equals(get(key));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SexpMap other && asMap().equals(other.asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
