package dev.swimmy.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The defaults are written once, in {@link Settings#DEFAULTS}; the shipped {@code
 * config/swimmy-bot.yaml} and the README's configuration table must state exactly those, key for
 * key, so neither can drift from the code.
 */
class DefaultsStatedOnceTest {
  private static final Path SHIPPED = Path.of("config/swimmy-bot.yaml");
  private static final Path README = Path.of("README.md");
  private static final Pattern ROW = Pattern.compile("\\| *`([a-z.-]+)` *\\| *(none|`([^`]*)`)[^|]*\\|.*");

  @TempDir Path dir;

  @Test
  void anEmptyFile_bindsToExactlyTheDefaults() throws IOException {
    Path empty = Files.writeString(dir.resolve("swimmy-bot.yaml"), "");
    assertThat(SettingsReader.read(empty)).isEqualTo(Settings.DEFAULTS);
  }

  @Test
  void theShippedYaml_statesEveryDefault_andNothingElse() throws IOException {
    JsonNode shipped = SettingsReader.parse(Files.readString(SHIPPED, StandardCharsets.UTF_8));
    Map<String, JsonNode> withDefault = new TreeMap<>(leaves(SettingsReader.defaultsTree()));
    withDefault.values().removeIf(JsonNode::isNull);

    assertThat(leaves(shipped).keySet()).as("keys set in " + SHIPPED)
        .containsExactlyElementsOf(withDefault.keySet());
    Settings bound = SettingsReader.read(SHIPPED);
    assertThat(leaves(SettingsReader.tree(bound))).as("values in " + SHIPPED)
        .containsExactlyEntriesOf(leaves(SettingsReader.defaultsTree()));
    assertThat(bound).isEqualTo(Settings.DEFAULTS);
  }

  @Test
  void theReadmeTable_namesEveryKey_withItsDefault() throws IOException {
    ObjectNode table = readmeTable();

    assertThat(leaves(table).keySet()).as("keys in the README's configuration table")
        .containsExactlyElementsOf(leaves(SettingsReader.defaultsTree()).keySet());
    Settings bound = SettingsReader.bind(table);
    assertThat(leaves(SettingsReader.tree(bound))).as("defaults in the README's configuration table")
        .containsExactlyEntriesOf(leaves(SettingsReader.defaultsTree()));
    assertThat(bound).isEqualTo(Settings.DEFAULTS);
  }

  /**
   * The rows of the table under "## Configure" as one YAML tree: each key cell a dotted key, each
   * default cell {@code none} or a code span read as YAML. A row in another shape fails the test.
   */
  private static ObjectNode readmeTable() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("\n## Configure\n"));
    section = section.substring(0, section.indexOf("\n## ", 1));
    ObjectNode tree = (ObjectNode) SettingsReader.parse("{}");
    List<String> rows = new ArrayList<>();
    for (String line : section.split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      Matcher m = ROW.matcher(line);
      assertThat(m.matches()).as("a README row of one `key` and a default of none or `value`: " + line).isTrue();
      rows.add(m.group(1));
      JsonNode value = m.group(3) == null ? NullNode.getInstance() : SettingsReader.parse(m.group(3));
      put(tree, m.group(1), value);
    }
    assertThat(rows).as("README rows").doesNotHaveDuplicates().isNotEmpty();
    return tree;
  }

  private static void put(ObjectNode tree, String dotted, JsonNode value) {
    String[] parts = dotted.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
    }
    node.set(parts[parts.length - 1], value);
  }

  /** Dotted key to value for every leaf: a value, a list, null, or an empty mapping. */
  private static Map<String, JsonNode> leaves(JsonNode tree) {
    Map<String, JsonNode> out = new TreeMap<>();
    collect("", tree, out);
    return out;
  }

  private static void collect(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (!node.isObject() || node.isEmpty()) {
      out.put(prefix, node);
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      collect(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
    }
  }
}
