package dev.swimmy.bot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status.market-hours}, {@code status.<source>.required} and the backtest cache's re-read keys. */
class MarketHoursConfigTest {
  @TempDir Path dir;

  private Config load(String yaml) throws IOException {
    Path conf = Files.createDirectories(dir.resolve("config")).resolve("swimmy-bot.yaml");
    Files.writeString(conf, yaml);
    return ConfigLoader.load(conf, Map.of());
  }

  @Test
  void defaults_areFxHoursOptionalMetricsAndA30sReread() throws IOException {
    Config.Status s = load("").status();
    assertThat(s.marketHours().isOpen(Instant.parse("2026-11-28T17:00:00Z"))).isFalse(); // Saturday
    assertThat(s.marketHours().isOpen(Instant.parse("2026-11-25T17:00:00Z"))).isTrue(); // Wednesday
    assertThat(s.liveStatus().required()).isTrue();
    assertThat(s.systemMetrics().required()).isFalse();
    assertThat(s.backtestCache().required()).isTrue();
    assertThat(s.backtestCache().minRereadInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.backtestCache().maxFileBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(s.liveStatus().minRereadInterval()).isZero();
  }

  @Test
  void always_switchesTheCalendarOff() throws IOException {
    assertThat(load("status:\n  market-hours: always\n").status().marketHours().isAlways()).isTrue();
  }

  @Test
  void aMapping_setsZoneSessionAndHolidays() throws IOException {
    Config.Status s = load("status:\n  market-hours:\n    zone: Asia/Tokyo\n    open: \"MON 09:00\"\n"
        + "    close: \"fri 15:00\"\n    closed-dates: [2026-12-31]\n").status();
    assertThat(s.marketHours()).hasToString("MON 09:00 to FRI 15:00 Asia/Tokyo, closed [2026-12-31]");
  }

  @Test
  void requiredAndReread_areRead() throws IOException {
    Config.Status s = load("status:\n  system-metrics:\n    required: true\n  backtest-cache:\n"
        + "    min-reread-interval: 2m\n    max-file-bytes: 1000\n").status();
    assertThat(s.systemMetrics().required()).isTrue();
    assertThat(s.backtestCache().minRereadInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.backtestCache().maxFileBytes()).isEqualTo(1000);
  }

  @Test
  void badValues_failNamingTheKey() {
    assertThatThrownBy(() -> load("status:\n  market-hours: weekdays\n"))
        .hasMessageContaining("status.market-hours");
    assertThatThrownBy(() -> load("status:\n  market-hours:\n    zone: Mars/Olympus\n"))
        .hasMessageContaining("status.market-hours.zone");
    assertThatThrownBy(() -> load("status:\n  market-hours:\n    open: \"SUNDAY 5pm\"\n"))
        .hasMessageContaining("status.market-hours.open");
    assertThatThrownBy(() -> load("status:\n  market-hours:\n    close: \"FRI 25:00\"\n"))
        .hasMessageContaining("status.market-hours.close");
    assertThatThrownBy(() -> load("status:\n  market-hours:\n    closed-dates: [christmas]\n"))
        .hasMessageContaining("status.market-hours.closed-dates");
    assertThatThrownBy(() -> load("status:\n  market-hours:\n    open: \"FRI 17:00\"\n"))
        .hasMessageContaining("status.market-hours");
    assertThatThrownBy(() -> load("status:\n  market-hours:\n    holidays: []\n"))
        .hasMessageContaining("status.market-hours.holidays: unknown key");
    assertThatThrownBy(() -> load("status:\n  live-status:\n    required: maybe\n"))
        .hasMessageContaining("status.live-status.required");
    assertThatThrownBy(() -> load("status:\n  live-status:\n    min-reread-interval: 5s\n"))
        .hasMessageContaining("status.live-status.min-reread-interval: unknown key");
  }
}
