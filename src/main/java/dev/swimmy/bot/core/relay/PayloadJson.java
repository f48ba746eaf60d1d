package dev.swimmy.bot.core.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.swimmy.bot.core.sexp.SexpMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discord message bodies as JSON: made from an engine alist (alist or plist -> object, other list
 * -> array, {@code t} -> true, {@code nil} -> null, as the fixtures README maps them), checked
 * when given as text, and hashed canonically (keys sorted, SHA-256) for dedupe, so two payloads
 * that differ only in key order or spacing are the same message.
 */
public final class PayloadJson {
  private static final int MAX_DEPTH = 32;
  private static final ObjectMapper READER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final ObjectMapper WRITER = JsonMapper.builder().build();
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private static final MessageDigest SHA_256 = sha256Prototype();

  static {
    READER.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
  }

  private PayloadJson() {}

  /** A message body: its compact JSON and its {@link #canonicalHash}. */
  public record Body(String json, String hash) {}

  /**
   * The body an engine alist stands for, hashed from the same plain values rather than by parsing
   * the JSON again: plain values are those Jackson would read back (Long, BigInteger, Double,
   * String, Boolean, null, maps, lists), so the hash equals {@code canonicalHash(json)}.
   */
  public static Body bodyFromSexp(SexpMap map) {
    SexpJsonWriter compact = SexpJsonWriter.compact(WRITER.getFactory());
    String json = compact.text(map);
    // The canonical bytes are the compact text's unless keys must be sorted or a surrogate pair
    // must be escaped (see SexpJsonWriter#utf8): then a second, canonical pass writes them.
    byte[] canonical = compact.keysWereInOrder() && !hasSurrogate(json)
        ? json.getBytes(StandardCharsets.UTF_8)
        : SexpJsonWriter.canonical(WRITER.getFactory()).utf8(map);
    return new Body(json, sha256(canonical));
  }

  /** {@link #bodyFromSexp} through the mappers and a tree of plain values: the reference in tests. */
  static Body bodyFromSexpByMapper(SexpMap map) {
    Object plain = plain(map);
    try {
      return new Body(WRITER.writeValueAsString(plain), sha256(CANONICAL.writeValueAsBytes(plain)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values always serialise", e);
    }
  }

  /** The body of a JSON object text already in compact form. */
  public static Body bodyFromJson(String json) {
    return new Body(json, canonicalHash(json));
  }

  /** The compact form of a JSON text, if it is one JSON object and nothing else. */
  public static Optional<String> objectFromText(String json) {
    try {
      JsonNode node = READER.readTree(json);
      return node != null && node.isObject() ? Optional.of(WRITER.writeValueAsString(node)) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /**
   * The body of a JSON text that must be one object: its compact form and canonical hash, and the
   * parsed tree, from one parse (the HTTP intake's path: every request pays for it). Empty if the
   * text is not one JSON object.
   */
  public static Optional<Parsed> parseObject(String json) {
    try {
      JsonNode node = READER.readTree(json);
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      Object plain = READER.treeToValue(node, Object.class);
      Body body = new Body(WRITER.writeValueAsString(node), sha256(CANONICAL.writeValueAsBytes(plain)));
      return Optional.of(new Parsed(body, node));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** A body with the tree it was made from. */
  public record Parsed(Body body, JsonNode tree) {}

  /** A parsed JSON tree; used for JSON envelopes. Empty if the text is not valid JSON. */
  static Optional<JsonNode> tree(String json) {
    try {
      return Optional.ofNullable(READER.readTree(json));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  static String write(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always serialises", e);
    }
  }

  /** SHA-256 of the payload with object keys sorted: the dedupe key of a message body. */
  public static String canonicalHash(String payloadJson) {
    byte[] canonical;
    try {
      Object value = READER.readValue(payloadJson, Object.class);
      canonical = CANONICAL.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      canonical = payloadJson.getBytes(StandardCharsets.UTF_8);
    }
    return sha256(canonical);
  }

  private static String sha256(byte[] canonical) {
    try {
      // A clone skips the provider lookup of getInstance on every message.
      return HexFormat.of().formatHex(((MessageDigest) SHA_256.clone()).digest(canonical));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
    }
  }

  private static MessageDigest sha256Prototype() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static Object plain(Object value) {
    if (value instanceof SexpMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.asMap().forEach((k, v) -> out.put(k, plain(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    return value;
  }
}
