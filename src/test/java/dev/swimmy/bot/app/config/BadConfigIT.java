package dev.swimmy.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.testing.JarChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged daemon, started with a bad config, stops at once with exit status 2 and one log
 * line naming the key, and that line holds neither the file's token nor the environment's.
 */
class BadConfigIT {
  private static final String FILE_SECRET = "fileTokenSecret123";
  private static final String ENV_SECRET = "envTokenSecret456";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      notifier.queue-max     | discord:\\n  token: fileTokenSecret123\\nnotifier:\\n  queue-max: 3000000000\\n
      notifier.routes.alerts | notifier:\\n  routes:\\n    alerts: https://evil.example/api/webhooks/1/fileTokenSecret123\\n
      discord.token          | discord:\\n  token: [fileTokenSecret123]\\n
      not valid YAML         | discord:\\n  token: "fileTokenSecret123\\n
      """)
  void theJar_refusesABadConfig_namingTheKey_withoutASecret(String key, String body) throws Exception {
    Path config = Files.writeString(dir.resolve("swimmy-bot.yaml"), body.replace("\\n", "\n"));
    try (JarChild child = JarChild.start(config, Map.of("SWIMMY_DISCORD_BOT_TOKEN", ENV_SECRET))) {
      assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
      assertThat(child.process().exitValue()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(10)).until(() -> child.logText().contains("bad configuration"));
      assertThat(child.logText()).contains(key).doesNotContain(FILE_SECRET).doesNotContain(ENV_SECRET);
    }
  }
}
