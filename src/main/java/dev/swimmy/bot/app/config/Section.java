package dev.swimmy.bot.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One mapping of the YAML file, read key by key. It remembers which keys were read so that
 * {@link #finish()} can reject the ones nobody asked for, and names every key by its full
 * dotted path in errors.
 */
final class Section {
  private final String prefix;
  private final JsonNode node;
  private final Set<String> read = new HashSet<>();

  Section(String prefix, JsonNode node) {
    this.prefix = prefix;
    if (node != null && !node.isNull() && !node.isObject()) {
      throw new ConfigException(prefix.isEmpty() ? "config" : prefix, "must be a mapping of keys");
    }
    this.node = node;
  }

  String key(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  List<String> keys() {
    List<String> keys = new ArrayList<>();
    if (node != null) {
      node.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  Section child(String name) {
    read.add(name);
    return new Section(key(name), node == null ? null : node.get(name));
  }

  Optional<String> string(String name) {
    read.add(name);
    JsonNode v = node == null ? null : node.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      throw new ConfigException(key(name), "must be a single value");
    }
    return Optional.of(v.asText());
  }

  long positiveLong(String name, long fallback) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.get().strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(key(name), "must be a positive integer, got " + ConfigLoader.quote(v.get()));
  }

  OptionalLong snowflake(String name) {
    Optional<String> v = string(name);
    if (v.isEmpty() || v.get().isBlank()) {
      return OptionalLong.empty();
    }
    if (!v.get().strip().matches("\\d{1,20}")) {
      throw new ConfigException(key(name), "must be a Discord id (digits), got " + ConfigLoader.quote(v.get()));
    }
    return OptionalLong.of(Long.parseUnsignedLong(v.get().strip()));
  }

  Duration duration(String name, Duration fallback) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      return fallback;
    }
    Duration d = Durations.parse(v.get())
        .orElseThrow(() -> new ConfigException(key(name),
            "must be a duration like 180s, 5m or 26h, got " + ConfigLoader.quote(v.get())));
    if (d.isZero()) {
      throw new ConfigException(key(name), "must be longer than zero");
    }
    return d;
  }

  boolean bool(String name, boolean fallback) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      return fallback;
    }
    return switch (v.get().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key(name), "must be true or false, got " + ConfigLoader.quote(v.get()));
    };
  }

  /** True when the key holds a mapping (rather than a single value, a list or nothing). */
  boolean isMapping(String name) {
    JsonNode v = node == null ? null : node.get(name);
    return v != null && v.isObject();
  }

  /** A list of single values; empty when the key is absent. */
  List<String> strings(String name) {
    read.add(name);
    JsonNode v = node == null ? null : node.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new ConfigException(key(name), "must be a list, e.g. [2026-12-25]");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isValueNode() || item.isNull()) {
        throw new ConfigException(key(name), "must be a list of single values");
      }
      out.add(item.asText());
    }
    return out;
  }

  /** Fails on the first key of this mapping that no reader asked for. */
  void finish() {
    for (String k : keys()) {
      if (!read.contains(k)) {
        throw new ConfigException(key(k), "unknown key");
      }
    }
  }
}
