package dev.swimmy.bot.core.status;

import dev.swimmy.bot.core.sexp.SexpMap;
import java.math.BigDecimal;
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

  /**
   * A number exactly as the file has it: an integer of any size keeps every digit, a float its
   * shortest decimal form (the reader's floats are finite), a ratio its nearest double.
   */
  static BigDecimal decimal(SexpMap m, String key) {
    Object v = m.get(key);
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    return v instanceof Double d && Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
  }

  /** An integer of any size, digit for digit; a float with no fraction below 2^53 counts. */
  static BigInteger integer(SexpMap m, String key) {
    Object v = m.get(key);
    if (v instanceof Long l) {
      return BigInteger.valueOf(l);
    }
    if (v instanceof BigInteger b) {
      return b;
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
      return BigInteger.valueOf(d.longValue());
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

  /**
   * A Lisp universal time as an instant; null when absent, not an integer, out of range or 0: 0
   * (1900-01-01) is the engine's "none yet" and never a time (see {@link #sighting}).
   */
  static Instant universalTime(SexpMap m, String key) {
    Sighting<Instant> s = sighting(m, key);
    return s instanceof Sighting.Seen<Instant> seen ? seen.value() : null;
  }

  /** A universal time of an event: 0 is {@link Sighting.NoneYet}; null when absent or not a time. */
  static Sighting<Instant> sighting(SexpMap m, String key) {
    BigInteger ut = integer(m, key);
    if (ut == null || ut.signum() < 0 || ut.bitLength() > 40) {
      return null; // 2^40 s is 34,000 years: not a time the engine wrote
    }
    return ut.signum() == 0 ? new Sighting.NoneYet<>() : new Sighting.Seen<>(fromUniversal(ut.longValue()));
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
