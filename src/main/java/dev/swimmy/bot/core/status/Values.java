package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.sexp.SexpMap;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Typed field access for the decoders: absent or wrong-typed values come back as null. */
final class Values {
  /** Seconds from 1900-01-01T00:00:00Z (Lisp universal time) to the Unix epoch. */
  static final long UNIVERSAL_TO_UNIX = 2_208_988_800L;

  private Values() {}

  static Double dbl(SexpMap m, String key) {
    return m.number(key).map(n -> n instanceof BigInteger b ? b.doubleValue() : n.doubleValue())
        .orElse(null);
  }

  static Long lng(SexpMap m, String key) {
    Object v = m.get(key);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
      return d.longValue();
    }
    return null;
  }

  static String str(SexpMap m, String key) {
    Object v = m.get(key);
    return v instanceof String s ? s : null;
  }

  /** A boolean as Lisp writes it: {@code t} is true, {@code nil} false, absence null. */
  static Boolean bool(SexpMap m, String key) {
    return m.has(key) ? m.flag(key) : null;
  }

  /** A Lisp universal time as an instant; null when absent or not an integer. */
  static Instant universalTime(SexpMap m, String key) {
    Long ut = lng(m, key);
    return ut == null ? null : fromUniversal(ut);
  }

  static Instant fromUniversal(long universalSeconds) {
    return Instant.ofEpochSecond(universalSeconds - UNIVERSAL_TO_UNIX);
  }

  /** The fields not in {@code known}, keyed as the file spelled them. */
  static Map<String, Object> unknown(SexpMap m, Set<String> known) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.asMap().forEach((k, v) -> {
      if (!known.contains(SexpMap.normalize(k))) {
        out.put(k, v);
      }
    });
    return out;
  }
}
