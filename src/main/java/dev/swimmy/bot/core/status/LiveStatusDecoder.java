package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.core.status.Values.bool;
import static dev.swimmy.bot.core.status.Values.decimal;
import static dev.swimmy.bot.core.status.Values.integer;
import static dev.swimmy.bot.core.status.Values.str;

import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.status.Snapshot.LiveStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;

/** {@code .opus/live_status.sexp}: its own time is {@code last_updated}, JST wall time. */
final class LiveStatusDecoder {
  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter WALL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
  private static final Set<String> KNOWN =
      Set.of(
          "schema-version", "last-updated", "daily-pnl", "accumulated-pnl", "monthly-goal",
          "goal-progress", "regime", "volatility", "leader", "danger-level", "ecosystem-health",
          "last-guardian-heartbeat", "tick-age-secs", "total-trades", "warmup-progress",
          "warmup-complete");

  private LiveStatusDecoder() {}

  static LiveStatus decode(SexpMap m, int schema) throws UndecodableException {
    Sighting<Instant> heartbeat = Values.sighting(m, "last_guardian_heartbeat");
    return new LiveStatus(
        schema,
        lastUpdated(m),
        decimal(m, "daily_pnl"),
        decimal(m, "accumulated_pnl"),
        decimal(m, "monthly_goal"),
        decimal(m, "goal_progress"),
        str(m, "regime"),
        str(m, "volatility"),
        str(m, "leader"),
        integer(m, "danger_level"),
        decimal(m, "ecosystem_health"),
        heartbeat,
        tickAge(integer(m, "tick_age_secs"), heartbeat),
        integer(m, "total_trades"),
        decimal(m, "warmup_progress"),
        bool(m, "warmup_complete"),
        Values.unknown(m, KNOWN));
  }

  /**
   * The engine measures the tick age from the guardian's heartbeat, so before the first heartbeat
   * its 0 means no tick yet, not a tick just now.
   */
  private static Sighting<BigInteger> tickAge(BigInteger secs, Sighting<Instant> heartbeat) {
    if (secs == null) {
      return null;
    }
    return heartbeat instanceof Sighting.NoneYet<Instant> && secs.signum() == 0
        ? new Sighting.NoneYet<>() : new Sighting.Seen<>(secs);
  }

  /** Parses {@code "YYYY-MM-DD HH:MM:SS"} as a wall time in {@code Asia/Tokyo}. */
  static Instant parseJst(String wall) throws UndecodableException {
    try {
      return LocalDateTime.parse(wall.strip(), WALL).atZone(JST).toInstant();
    } catch (DateTimeParseException e) {
      throw new UndecodableException(
          "last_updated is not a JST time \"YYYY-MM-DD HH:MM:SS\": " + preview(wall));
    }
  }

  private static Instant lastUpdated(SexpMap m) throws UndecodableException {
    String wall = str(m, "last_updated");
    if (wall == null) {
      throw new UndecodableException("last_updated is missing, so the data has no time of its own");
    }
    return parseJst(wall);
  }

  private static String preview(String s) {
    String one = s.replaceAll("\\p{Cntrl}", "?");
    return "\"" + (one.length() > 32 ? one.substring(0, 32) + "…" : one) + "\"";
  }
}
