package dev.swimmy.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path conf = Files.createDirectories(dir.resolve("config")).resolve("swimmy-bot.yaml");
    Files.writeString(conf, yaml);
    return conf;
  }

  private Config load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(write(yaml), env);
  }

  @Test
  void emptyFile_givesTheDefaultsOfTheSpec() throws IOException {
    Config c = load("", Map.of());
    assertThat(c.home()).isEqualTo(dir);
    assertThat(c.discord().token()).isEmpty();
    assertThat(c.discord().apiBaseUrl()).hasToString("https://discord.com/api/v10");
    assertThat(c.status().liveStatus().path()).isEqualTo(dir.resolve(".opus/live_status.sexp"));
    assertThat(c.status().liveStatus().schemaVersion()).isEqualTo(2);
    assertThat(c.status().liveStatus().staleAfter()).isEqualTo(Duration.ofSeconds(180));
    assertThat(c.status().systemMetrics().staleAfter()).isEqualTo(Duration.ofSeconds(300));
    assertThat(c.status().backtestCache().staleAfter()).isEqualTo(Duration.ofHours(26));
    assertThat(c.notifier().bind()).isEqualTo("tcp://127.0.0.1:5562");
    assertThat(c.notifier().queueMax()).isEqualTo(1000);
    assertThat(c.notifier().dedupeWindow()).isEqualTo(Duration.ofSeconds(180));
    assertThat(c.notifier().maxFrameBytes()).isEqualTo(256 * 1024);
    assertThat(c.admin().host()).isEqualTo("127.0.0.1");
    assertThat(c.admin().port()).isEqualTo(9464);
  }

  @Test
  void bundledConfig_loadsAndPointsAtTheBundledSampleFiles() {
    Config c = ConfigLoader.load(Path.of("config/swimmy-bot.yaml"), Map.of());
    assertThat(c.status().liveStatus().path()).exists();
    assertThat(c.status().systemMetrics().path()).exists();
    assertThat(c.status().backtestCache().path()).exists();
  }

  @Test
  void relativePaths_resolveAgainstHome_neverTheWorkingDirectory() throws IOException {
    Config c = load("home: /srv/engine\nnotifier:\n  spool: var/spool.db\n", Map.of());
    assertThat(c.notifier().spool()).isEqualTo(Path.of("/srv/engine/var/spool.db"));
    assertThat(c.status().systemMetrics().path()).isEqualTo(Path.of("/srv/engine/data/system_metrics.sexp"));
  }

  @Test
  void durations_acceptSecondsMinutesHoursAndCombinations() throws IOException {
    Config c = load("""
        notifier:
          max-age: 5m
          latency-slo: 1h30m
          metrics-interval: 500ms
        status:
          backtest-cache:
            stale-after: 26h
        """, Map.of());
    assertThat(c.notifier().maxAge()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.notifier().latencySlo()).isEqualTo(Duration.ofMinutes(90));
    assertThat(c.notifier().metricsInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.status().backtestCache().staleAfter()).isEqualTo(Duration.ofHours(26));
  }

  @Test
  void environment_overridesTheFile() throws IOException {
    Config c = load("notifier:\n  queue-max: 50\n  bind: tcp://127.0.0.1:5562\n", Map.of(
        "SWIMMY_NOTIFIER_QUEUE_MAX", "7",
        "SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC", "30",
        "SWIMMY_PORT_NOTIFIER", "6000",
        "SWIMMY_DISCORD_BOT_TOKEN", "bot-token-value",
        "SWIMMY_HOME", "/opt/swimmy"));
    assertThat(c.notifier().queueMax()).isEqualTo(7);
    assertThat(c.notifier().dedupeWindow()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.notifier().bind()).isEqualTo("tcp://127.0.0.1:6000");
    assertThat(c.discord().token()).get().satisfies(t -> assertThat(t.reveal()).isEqualTo("bot-token-value"));
    assertThat(c.home()).isEqualTo(Path.of("/opt/swimmy"));
  }

  @Test
  void token_comesFromTokenFile_orSystemdCredentials() throws IOException {
    Files.writeString(dir.resolve("tok"), "from-file\n");
    Config fromFile = load("discord:\n  token-file: tok\n", Map.of());
    assertThat(fromFile.discord().token().orElseThrow().reveal()).isEqualTo("from-file");

    Path creds = Files.createDirectories(dir.resolve("creds"));
    Files.writeString(creds.resolve("discord-token"), "from-credentials");
    Config fromCreds = load("", Map.of("CREDENTIALS_DIRECTORY", creds.toString()));
    assertThat(fromCreds.discord().token().orElseThrow().reveal()).isEqualTo("from-credentials");
  }

  @Test
  void token_neverAppearsInToString() throws IOException {
    Config c = load("discord:\n  token: very-secret-token\n  alerts-webhook: https://discord.com/api/webhooks/123/hook-secret\n", Map.of());
    assertThat(c.toString()).doesNotContain("very-secret-token").doesNotContain("hook-secret");
  }

  @Test
  void routes_mustBeDiscordWebhooks() throws IOException {
    Config c = load("notifier:\n  routes:\n    alerts: https://discord.com/api/webhooks/42/abc_DEF-1\n", Map.of());
    assertThat(c.notifier().routes().get("alerts").id()).isEqualTo("42");
    assertThatThrownBy(() -> load("notifier:\n  routes:\n    evil: http://169.254.169.254/x\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("notifier.routes.evil:");
  }

  @Test
  void badValues_failNamingTheKey() {
    assertThatThrownBy(() -> load("notifier:\n  queue-max: lots\n", Map.of()))
        .hasMessageStartingWith("notifier.queue-max:").hasMessageContaining("positive integer");
    assertThatThrownBy(() -> load("status:\n  live-status:\n    stale-after: 180\n", Map.of()))
        .hasMessageStartingWith("status.live-status.stale-after:").hasMessageContaining("duration");
    assertThatThrownBy(() -> load("notifier:\n  bind: 5562\n", Map.of()))
        .hasMessageStartingWith("notifier.bind:");
    assertThatThrownBy(() -> load("discord:\n  guild-id: abc\n", Map.of()))
        .hasMessageStartingWith("discord.guild-id:");
    assertThatThrownBy(() -> load("admin:\n  listen: nowhere\n", Map.of()))
        .hasMessageStartingWith("admin.listen:");
    assertThatThrownBy(() -> load("discord:\n  api-base-url: ftp://x\n", Map.of()))
        .hasMessageStartingWith("discord.api-base-url:");
    assertThatThrownBy(() -> load("", Map.of("SWIMMY_NOTIFIER_QUEUE_MAX", "-1")))
        .hasMessageStartingWith("SWIMMY_NOTIFIER_QUEUE_MAX:");
    assertThatThrownBy(() -> load("discord:\n  token-file: /no/such/file\n", Map.of()))
        .hasMessageStartingWith("discord.token-file:");
  }

  @Test
  void unknownKeys_areErrors_soATypoIsNotASilentDefault() {
    assertThatThrownBy(() -> load("notifier:\n  queue-maxx: 5\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("notifier.queue-maxx: unknown key");
    assertThatThrownBy(() -> load("statuss: {}\n", Map.of())).hasMessage("statuss: unknown key");
  }

  @Test
  void brokenYaml_isAClearError() {
    assertThatThrownBy(() -> load("notifier: [unclosed\n", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not valid YAML");
  }
}
