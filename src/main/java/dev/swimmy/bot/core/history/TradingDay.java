package dev.swimmy.bot.core.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The engine's calendar: its {@code last_updated} is Japan time and its daily PnL runs over the
 * JST calendar day, so "today" and "this month" are JST days and months, whatever zone the bot
 * runs in.
 */
public final class TradingDay {
  /** The engine's zone. */
  public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  private TradingDay() {}

  /** The JST day {@code t} falls in: midnight to midnight, Japan time. */
  public static Interval dayOf(Instant t) {
    LocalDate d = LocalDate.ofInstant(t, JST);
    return new Interval(d.atStartOfDay(JST).toInstant(), d.plusDays(1).atStartOfDay(JST).toInstant());
  }

  /** The JST month {@code t} falls in, from its first midnight to the next month's. */
  public static Interval monthOf(Instant t) {
    LocalDate first = LocalDate.ofInstant(t, JST).withDayOfMonth(1);
    return new Interval(first.atStartOfDay(JST).toInstant(),
        first.plusMonths(1).atStartOfDay(JST).toInstant());
  }

  /** Month to date: from the JST month's start to {@code now}. */
  public static Interval monthToDate(Instant now) {
    return new Interval(monthOf(now).from(), now);
  }

  /** {@code t} as a JST wall time, for labels. */
  public static ZonedDateTime wall(Instant t) {
    return t.atZone(JST);
  }
}
