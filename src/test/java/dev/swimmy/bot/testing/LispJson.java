package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.core.sexp.SexpMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts {@code SexpView}'s plain values and the JSON lines of {@code lisp_to_json.lisp} (SBCL's
 * reading of a file) into one comparable form: maps unwrapped, integers as longs or, when too
 * big for a long, their decimal text, and other numbers as doubles.
 */
public final class LispJson {
  private LispJson() {}

  /** Our plain values with maps unwrapped and bignums as text. */
  public static Object comparable(Object plain) {
    if (plain instanceof SexpMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.asMap().forEach((k, v) -> out.put(k, comparable(v)));
      return out;
    }
    if (plain instanceof List<?> list) {
      return list.stream().map(LispJson::comparable).toList();
    }
    if (plain instanceof BigInteger big) {
      return big.toString();
    }
    return plain;
  }

  /** One JSON value written by {@code lisp_to_json.lisp}, in the same form. */
  public static Object fromJson(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.properties().forEach(e -> out.put(e.getKey(), fromJson(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.forEach(n -> out.add(fromJson(n)));
      return out;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    return node.asText();
  }
}
