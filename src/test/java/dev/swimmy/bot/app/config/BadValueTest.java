package dev.swimmy.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every bad value stops the start with a {@link ConfigException} that begins with the full dotted
 * key (or the variable), and no message repeats a token or a webhook URL.
 */
class BadValueTest {
  private static final String SECRET = "s3cr3t-T0KEN_value";

  @TempDir Path dir;

  private ConfigException failure(String yaml, Map<String, String> env) throws IOException {
    Path file = Files.writeString(dir.resolve("swimmy-bot.yaml"), yaml);
    return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, env));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      notifier.queue-max                     | 3000000000             | no larger than 2147483647
      notifier.queue-max                     | 2147483648             | no larger than 2147483647
      notifier.max-frame-bytes               | 99999999999            | no larger than 2147483647
      status.max-depth                       | 4294967360             | no larger than 2147483647
      status.live-status.schema-version      | 4294967298             | no larger than 2147483647
      status.max-file-bytes                  | 99999999999999999999   | no larger than 9223372036854775807
      status.backtest-cache.max-file-bytes   | 9223372036854775808    | no larger than 9223372036854775807
      notifier.queue-max                     | -5                     | must be a positive integer, got "-5"
      notifier.queue-max                     | 0                      | must be a positive integer, got "0"
      notifier.queue-max                     | 10.5                   | must be a positive integer, got "10.5"
      notifier.queue-max                     | lots                   | must be a positive integer, got "lots"
      notifier.queue-max                     | [1, 2]                 | must be a positive integer
      notifier.max-age                       | 15                     | must be a duration like 180s, 5m or 26h, got "15"
      notifier.max-age                       | 5 minutes              | must be a duration
      notifier.max-age                       | 0s                     | must be longer than zero
      discord.panel-interval                 | {every: 60s}           | must be a duration
      status.system-metrics.required         | maybe                  | must be true or false, got "maybe"
      status.system-metrics.required         | 1                      | must be true or false
      status.live-status.path                | {a: b}                 | must be a single value
      status.last-good-dir                   | [a, b]                 | must be a single value
      status.market-hours                    | weekdays               | must be always or a mapping
      status.market-hours.zone               | Mars/Olympus           | must be a time zone
      status.market-hours.closed-dates       | christmas              | must be a list
      status.market-hours.closed-dates       | [christmas]            | must be dates like 2026-12-25
      status.market-hours.closed-dates[0]    | [{a: b}]               | must be a single value
      notifier.bind                          | tcp://127.0.0.1:99999  | must look like tcp://127.0.0.1:5562
      notifier.bind                          | tcp://127.0.0.1:0      | must look like tcp://127.0.0.1:5562
      notifier.http-listen                   | 127.0.0.1:70000        | must look like 127.0.0.1:9465
      admin.listen                           | nowhere                | must look like 127.0.0.1:9464
      discord.guild-id                       | abc                    | must be a Discord id
      discord.guild-id                       | 99999999999999999999   | must be a Discord id
      discord.api-base-url                   | ftp://x                | must be an http(s) URL
      notifier.routes                        | [a]                    | must be a mapping of keys
      notifier                               | 5                      | must be a mapping of keys
      notifier.routes.alerts                 | ~                      | must have a value
      notifier.queue-maxx                    | 5                      | unknown key
      status.live-status.min-reread-interval | 5s                     | unknown key
      statuss                                | 1                      | unknown key
      """)
  void aBadValue_failsNamingItsFullKey(String key, String value, String problem) throws IOException {
    ConfigException e = failure(yamlSetting(key.replaceAll("\\[\\d+]$", ""), value), Map.of());
    assertThat(e).as("%s: %s", key, value).isNotNull();
    assertThat(e.getMessage()).startsWith(key + ": ").contains(problem);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      SWIMMY_NOTIFIER_QUEUE_MAX          | 3000000000
      SWIMMY_NOTIFIER_QUEUE_MAX          | -1
      SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC  | 99999999999999999999
      SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC  | soon
      SWIMMY_PORT_NOTIFIER               | 4294973858
      SWIMMY_PORT_NOTIFIER               | 65536
      """)
  void aBadVariable_failsNamingIt(String name, String value) throws IOException {
    ConfigException e = failure("", Map.of(name, value));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).startsWith(name + ": ").contains("whole number from 1 to");
  }

  /** Each entry holds {@link #SECRET} where a token or webhook token would be, in a bad shape. */
  @ParameterizedTest
  @ValueSource(strings = {
      "discord:\n  token: [" + SECRET + "]\n",
      "discord:\n  token: {value: " + SECRET + "}\n",
      "discord:\n  tokn: " + SECRET + "\n",
      "discord:\n  alerts-webhook: https://discord.com/api/webhooks/1/" + SECRET + "/extra\n",
      "discord:\n  alerts-webhook: http://example.com/api/webhooks/1/" + SECRET + "\n",
      "notifier:\n  routes:\n    alerts: https://evil.example/api/webhooks/1/" + SECRET + "\n",
      "notifier:\n  routes:\n    alerts: [https://discord.com/api/webhooks/1/" + SECRET + "]\n",
      "notifier:\n  routes:\n    alerts:\n      url: https://discord.com/api/webhooks/1/" + SECRET + "\n",
      "discord:\n  token: \"" + SECRET + "\n",
      "discord:\n  token: " + SECRET + "\n   bad: indent\n",
      "discord:\n\ttoken: " + SECRET + "\n",
  })
  void aBadEntryHoldingASecret_neverEchoesIt(String yaml) throws IOException {
    ConfigException e = failure(yaml, Map.of());
    assertThat(e).as(yaml).isNotNull();
    assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("s3cr3t");
  }

  @ParameterizedTest
  @ValueSource(strings = {"discord:\n  token: [x]\n", "notifier:\n  routes:\n    alerts: https://evil.example/api/webhooks/1/x\n"})
  void aSecretKeysProblem_stillNamesTheKey(String yaml) throws IOException {
    assertThat(failure(yaml, Map.of()).getMessage()).matches("(discord\\.token|notifier\\.routes\\.alerts): .+");
  }

  @Test
  void brokenYaml_givesItsLineAndColumn() throws IOException {
    assertThat(failure("notifier:\n  queue-max: 5\n bind: x\n", Map.of()).getMessage())
        .contains("not valid YAML at line 3");
  }

  /** {@code a.b.c} and a value as YAML: {@code a:\n  b:\n    c: value}. */
  private static String yamlSetting(String key, String value) {
    String[] parts = key.split("\\.");
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      yaml.append("  ".repeat(i)).append(parts[i]).append(':');
      yaml.append(i == parts.length - 1 ? " " + value + "\n" : "\n");
    }
    return yaml.toString();
  }
}
