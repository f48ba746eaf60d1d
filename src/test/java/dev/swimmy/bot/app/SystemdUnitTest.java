package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SystemdUnitTest {
  private static final Path UNIT = Path.of("config/swimmy-bot.service");

  @Test
  void unit_passesSystemdAnalyzeVerify_withoutWarnings() throws Exception {
    Path analyze = ExternalTool.require("systemd-analyze", "systemd");
    Process p = new ProcessBuilder(analyze.toString(), "verify", UNIT.toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).as("systemd-analyze output").isEmpty();
    assertThat(p.exitValue()).isZero();
  }

  @Test
  void unit_restartsOnFailure_isHardened_andTakesTheTokenAsACredential() throws Exception {
    String unit = Files.readString(UNIT);
    assertThat(unit)
        .contains("Restart=on-failure")
        .contains("NoNewPrivileges=yes")
        .contains("ProtectSystem=strict")
        .contains("ReadWritePaths=")
        .contains("PrivateTmp=yes")
        .contains("LoadCredential=discord-token:")
        .contains("KillSignal=SIGTERM")
        .contains("Type=notify")
        .contains("WatchdogSec=");
    assertThat(unit).doesNotContainPattern("(?i)token\\s*=\\s*\\S")
        .doesNotContainPattern("discord(app)?\\.com/api/webhooks/\\d+/");
  }

  @Test
  void environmentExample_namesTheSwimmyVariables_andNoSecret() throws Exception {
    String env = Files.readString(Path.of("config/swimmy-bot.env.example"));
    assertThat(env).contains("SWIMMY_HOME=", "SWIMMY_PORT_NOTIFIER=", "SWIMMY_NOTIFIER_QUEUE_MAX=",
        "SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC=");
    assertThat(env).doesNotContain("SWIMMY_DISCORD_BOT_TOKEN=");
  }
}
