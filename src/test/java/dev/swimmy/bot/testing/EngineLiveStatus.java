package dev.swimmy.bot.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A live status in the engine's own shape (as {@code save-live-status} writes it: package-qualified
 * keys, JST {@code last_updated}), last updated at a chosen instant, for tests about time.
 */
public final class EngineLiveStatus {
  private static final DateTimeFormatter JST_CLOCK =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));
  private static final long UNIVERSAL_TO_UNIX = 2_208_988_800L;

  private EngineLiveStatus() {}

  /** The file's text, its own time {@code t} (to the second). */
  public static String writtenAt(Instant t) {
    return "((swimmy.shell::schema_version . 2) (swimmy.shell::daily_pnl . 1235.25d0)"
        + " (swimmy.shell::accumulated_pnl . 45678.9) (swimmy.shell::monthly_goal . 100000)"
        + " (swimmy.shell::goal_progress . 46.914148437499996d0)"
        + " (swimmy.shell::regime . #A((12) base-char . \"TREND-MATURE\"))"
        + " (swimmy.shell::volatility . #A((4) base-char . \"HIGH\"))"
        + " (swimmy.shell::leader . #A((19) base-char . \"Bred-RSI-S-915-Gen1\"))"
        + " (swimmy.shell::danger_level . 1) (swimmy.shell::ecosystem_health . 65.3)"
        + " (swimmy.shell::last_guardian_heartbeat . " + (t.getEpochSecond() + UNIVERSAL_TO_UNIX) + ")"
        + " (swimmy.shell::tick_age_secs . 7) (swimmy.shell::total_trades . 37)"
        + " (swimmy.shell::warmup_progress . 74) (swimmy.shell::warmup_complete)"
        + " (swimmy.shell::last_updated . #A((19) base-char . \"" + JST_CLOCK.format(t) + "\")))";
  }
}
