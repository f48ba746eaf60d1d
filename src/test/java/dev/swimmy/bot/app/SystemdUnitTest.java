package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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

  /**
   * What the unit declares and no test here can run (there is no systemd to restart the bot):
   * restart on failure, the hardening, the token as a credential, no secret in the file. The
   * watchdog, READY/STOPPING and the exit status are behaviour, proven on the running jar by
   * {@code SystemdNotifyIT}; the stop budget by {@code DaemonStopBudgetTest}.
   */
  @Test
  void unit_declaresRestartOnFailure_hardening_andTheTokenAsACredential() throws Exception {
    Map<String, String> service = service();
    assertThat(service).containsEntry("Restart", "on-failure")
        .containsEntry("NoNewPrivileges", "yes")
        .containsEntry("ProtectSystem", "strict")
        .containsEntry("PrivateTmp", "yes")
        .containsKey("ReadWritePaths");
    assertThat(service.get("LoadCredential")).startsWith("discord-token:");
    String unit = Files.readString(UNIT);
    assertThat(unit).doesNotContainPattern("(?i)token\\s*=\\s*\\S")
        .doesNotContainPattern("discord(app)?\\.com/api/webhooks/\\d+/");
  }

  /**
   * The link between the unit and what {@code SystemdNotifyIT} proves of the jar: the bot sends
   * its notifications from its own PID, which systemd accepts only when the JVM is the main
   * process ({@code ExecStart} runs java itself, no shell or wrapper) and {@code NotifyAccess}
   * lets the main process speak; the signal systemd stops it with is the one it exits 0 on.
   */
  @Test
  void unit_letsTheJvmItselfNotify_andStopsItWithTheSignalItExitsCleanlyOn() throws Exception {
    Map<String, String> service = service();
    assertThat(service).containsEntry("Type", "notify").containsKey("WatchdogSec");
    // Unset means main for Type=notify (systemd.service(5)).
    assertThat(service.getOrDefault("NotifyAccess", "main")).isIn("main", "exec", "all");
    assertThat(service.get("ExecStart")).startsWith("/usr/bin/java ").contains(" -jar ");
    assertThat(service).containsEntry("KillSignal", "SIGTERM");
  }

  /** The [Service] section's settings (the last value of a repeated key). */
  static Map<String, String> service() throws Exception {
    Map<String, String> settings = new HashMap<>();
    String section = "";
    for (String line : Files.readAllLines(UNIT)) {
      String l = line.strip();
      if (l.startsWith("[")) {
        section = l;
      } else if ("[Service]".equals(section) && !l.startsWith("#") && l.contains("=")) {
        settings.put(l.substring(0, l.indexOf('=')).strip(), l.substring(l.indexOf('=') + 1).strip());
      }
    }
    return settings;
  }

  @Test
  void environmentExample_namesTheSwimmyVariables_andNoSecret() throws Exception {
    String env = Files.readString(Path.of("config/swimmy-bot.env.example"));
    assertThat(env).contains("SWIMMY_HOME=", "SWIMMY_PORT_NOTIFIER=", "SWIMMY_NOTIFIER_QUEUE_MAX=",
        "SWIMMY_NOTIFIER_DEDUPE_WINDOW_SEC=");
    assertThat(env).doesNotContain("SWIMMY_DISCORD_BOT_TOKEN=");
  }
}
