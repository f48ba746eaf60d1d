package dev.swimmy.bot.edge.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A URL query string as Discord reads one: the first value of each parameter, percent-decoded. */
final class Query {
  private static final int PARAMETERS_MAX = 32;

  private Query() {}

  static Map<String, String> parse(String rawQuery) {
    Map<String, String> out = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    String[] pairs = rawQuery.split("&", PARAMETERS_MAX + 1);
    for (int i = 0; i < Math.min(pairs.length, PARAMETERS_MAX); i++) {
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(key, value);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed escape is kept as written, and then refused as a bad value
    }
  }
}
