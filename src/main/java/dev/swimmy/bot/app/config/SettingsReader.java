package dev.swimmy.bot.app.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.WebhookAddress;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Binds {@code swimmy-bot.yaml} onto {@link Settings} with Jackson: the file's tree is laid over
 * the tree of {@link Settings#DEFAULTS}, then bound, with unknown keys refused. Every problem is a
 * {@link ConfigException} naming the full dotted key. Messages are written here, never taken from
 * Jackson or the YAML parser (theirs may quote a line of the file, and with it a token): a value
 * is echoed only for numbers, durations and booleans, never for a token or a webhook URL.
 */
final class SettingsReader {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .addModule(values())
      .build();
  private static final JsonNode DEFAULTS_TREE = YAML.valueToTree(Settings.DEFAULTS);
  private static final String WEBHOOK_URL =
      "must be a Discord webhook URL (https://discord.com/api/webhooks/{id}/{token})";

  private SettingsReader() {}

  /** The file laid over the defaults: a key the file leaves out or leaves empty keeps its default. */
  static Settings read(Path file) {
    return bind(overlay(DEFAULTS_TREE, readTree(file)));
  }

  /** {@link Settings#DEFAULTS} as a YAML tree: every key, null where a key has no default. */
  static JsonNode defaultsTree() {
    return DEFAULTS_TREE.deepCopy();
  }

  /** Settings without a token or webhook as a YAML tree, for tests that compare key by key. */
  static JsonNode tree(Settings settings) {
    return YAML.valueToTree(settings);
  }

  /** YAML text as this reader parses it (for tests that read YAML from elsewhere). */
  static JsonNode parse(String yaml) throws JsonProcessingException {
    return YAML.readTree(yaml);
  }

  /** Binds a tree onto {@link Settings}, with unknown keys and bad values as errors. */
  static Settings bind(JsonNode tree) {
    try {
      return YAML.treeToValue(tree, Settings.class);
    } catch (JsonMappingException e) {
      throw problem(e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(key(e), "cannot be read");
    }
  }

  private static JsonNode readTree(Path file) {
    JsonNode root;
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      root = text.isBlank() ? null : YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), "not valid YAML" + where(e));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot read the config file: " + e.getMessage());
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return YAML.createObjectNode();
    }
    if (!root.isObject()) {
      throw new ConfigException("config", "must be a mapping of keys");
    }
    return root;
  }

  /** Line, column and the parser's problem, without the line's text (it may hold a token). */
  private static String where(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
      return " at line " + (y.getProblemMark().getLine() + 1) + ", column "
          + (y.getProblemMark().getColumn() + 1) + ": " + y.getProblem();
    }
    return e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /**
   * {@code file} laid over {@code defaults}: mappings merge key by key, anything else (a value, a
   * list, {@code routes}, {@code market-hours: always}) replaces the default; an empty value keeps
   * it. Keys the defaults lack are kept, so binding reports them as unknown.
   */
  private static JsonNode overlay(JsonNode defaults, JsonNode file) {
    if (file == null || file.isNull()) {
      return defaults;
    }
    if (defaults == null || !defaults.isObject() || defaults.isEmpty() || !file.isObject()) {
      return file;
    }
    ObjectNode out = (ObjectNode) defaults.deepCopy();
    for (Map.Entry<String, JsonNode> e : file.properties()) {
      out.set(e.getKey(), overlay(defaults.get(e.getKey()), e.getValue()));
    }
    return out;
  }

  private static ConfigException problem(JsonMappingException e) {
    String key = key(e);
    if (e instanceof UnrecognizedPropertyException) {
      return new ConfigException(key, "unknown key");
    }
    if (e instanceof BadValue) {
      return new ConfigException(key, e.getOriginalMessage());
    }
    if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException a) {
      return new ConfigException(key, a.getMessage());
    }
    if (e instanceof InvalidNullException) {
      return new ConfigException(key, "must have a value");
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return new ConfigException(key, "must be " + expected(m.getTargetType()));
    }
    return new ConfigException(key, "is not a valid value here");
  }

  private static String expected(Class<?> type) {
    if (type.isRecord() || Map.class.isAssignableFrom(type)) {
      return "a mapping of keys";
    }
    return Collection.class.isAssignableFrom(type) ? "a list" : "a single value";
  }

  /** The full dotted key of a problem: {@code notifier.routes.alerts}, {@code ...closed-dates[2]}. */
  private static String key(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return "config";
    }
    StringBuilder key = new StringBuilder();
    for (JsonMappingException.Reference r : m.getPath()) {
      if (r.getFieldName() != null) {
        key.append(key.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        key.append('[').append(r.getIndex()).append(']');
      }
    }
    return key.length() == 0 ? "config" : key.toString();
  }

  static String quote(String v) {
    String shown = v.length() > 40 ? v.substring(0, 40) + "…" : v;
    return "\"" + shown + "\"";
  }

  /** A value refused by one of this reader's own deserializers, with the problem as its message. */
  private static final class BadValue extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    BadValue(JsonParser p, String problem) {
      super(p, problem);
    }
  }

  /** The scalar types of the file, read strictly and each refused with its own message. */
  private static SimpleModule values() {
    SimpleModule m = new SimpleModule("swimmy-config");
    JsonDeserializer<Integer> intCount = deserializer(p -> (int) count(p, Integer.MAX_VALUE));
    JsonDeserializer<Long> longCount = deserializer(p -> count(p, Long.MAX_VALUE));
    JsonDeserializer<Boolean> bool = deserializer(SettingsReader::bool);
    m.addDeserializer(int.class, intCount);
    m.addDeserializer(Integer.class, intCount);
    m.addDeserializer(long.class, longCount);
    m.addDeserializer(Long.class, longCount);
    m.addDeserializer(boolean.class, bool);
    m.addDeserializer(Boolean.class, bool);
    m.addDeserializer(Duration.class, deserializer(SettingsReader::duration));
    m.addDeserializer(Secret.class, deserializer(SettingsReader::secret));
    m.addDeserializer(WebhookAddress.class, deserializer(SettingsReader::webhook));
    m.addSerializer(Duration.class, new ToStringSerializerBase(Duration.class) {
      @Override
      public String valueToString(Object value) {
        return Durations.format((Duration) value);
      }
    });
    return m;
  }

  /** A whole number from 1 to {@code max}, written as a number or as text. */
  private static long count(JsonParser p, long max) throws IOException {
    String text = p.currentToken().isScalarValue() ? p.getText().strip() : null;
    BigInteger n = null;
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      n = p.getBigIntegerValue();
    } else if (text != null && text.matches("[+-]?\\d{1,40}")) {
      n = new BigInteger(text);
    }
    if (n != null && n.signum() > 0 && n.compareTo(BigInteger.valueOf(max)) <= 0) {
      return n.longValue();
    }
    String range = n != null && n.signum() > 0 ? " no larger than " + max : "";
    throw new BadValue(p, "must be a positive integer" + range + got(text));
  }

  private static boolean bool(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    String text = t.isScalarValue() ? p.getText().strip() : null;
    if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
      return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
    }
    throw new BadValue(p, "must be true or false" + got(text));
  }

  private static Duration duration(JsonParser p) throws IOException {
    String text = p.currentToken().isScalarValue() ? p.getText() : null;
    Duration d = text == null ? null : Durations.parse(text).orElse(null);
    if (d == null) {
      throw new BadValue(p, "must be a duration like 180s, 5m or 26h" + got(text));
    }
    if (d.isZero()) {
      throw new BadValue(p, "must be longer than zero");
    }
    return d;
  }

  /** The bot token; blank is no token. Never echoed. */
  private static Secret secret(JsonParser p) throws IOException {
    if (!p.currentToken().isScalarValue()) {
      throw new BadValue(p, "must be a single value");
    }
    String text = p.getText().strip();
    return text.isEmpty() ? null : new Secret(text);
  }

  /** A webhook URL, kept as id and token. Never echoed: the URL holds the token. */
  private static WebhookAddress webhook(JsonParser p) throws IOException {
    if (!p.currentToken().isScalarValue()) {
      throw new BadValue(p, WEBHOOK_URL);
    }
    return WebhookAddress.parse(p.getText()).orElseThrow(() -> new BadValue(p, WEBHOOK_URL));
  }

  private static String got(String text) {
    return text == null ? "" : ", got " + quote(text);
  }

  private interface Read<T> {
    T from(JsonParser p) throws IOException;
  }

  private static <T> JsonDeserializer<T> deserializer(Read<T> read) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return read.from(p);
      }
    };
  }
}
