package dev.swimmy.bot.core.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the market the engine trades is open, so that a live status the engine stops writing over a
 * weekend is not mistaken for a dead engine. Either {@link #always()} (no calendar: always open) or
 * a weekly session in a named time zone, e.g. FX from Sunday 17:00 to Friday 17:00 New York time,
 * with whole local dates closed on top (holidays).
 *
 * <p>Times are wall-clock times in the zone, so the session follows the zone's daylight-saving
 * rules (the JDK's tz database): 17:00 New York is 21:00 UTC in summer and 22:00 UTC in winter. A
 * wall time that falls in a spring-forward gap takes effect at the first instant after the gap,
 * one in an autumn overlap at the earlier of the two.
 *
 * <p>Pure: every question takes the instant it is asked about.
 */
public final class MarketHours {
  /** How far back and ahead a transition is looked for; longer closures count as always closed. */
  static final int HORIZON_DAYS = 400;

  private static final int WEEK_MINUTES = 7 * 24 * 60;

  private final ZoneId zone;
  private final DayOfWeek openDay;
  private final LocalTime openTime;
  private final DayOfWeek closeDay;
  private final LocalTime closeTime;
  private final Set<LocalDate> closedDates;

  private MarketHours(ZoneId zone, DayOfWeek openDay, LocalTime openTime, DayOfWeek closeDay,
      LocalTime closeTime, Set<LocalDate> closedDates) {
    this.zone = zone;
    this.openDay = openDay;
    this.openTime = openTime;
    this.closeDay = closeDay;
    this.closeTime = closeTime;
    this.closedDates = closedDates;
  }

  /** No calendar: the market is always open, and freshness is judged by the file's time alone. */
  public static MarketHours always() {
    return new MarketHours(null, null, null, null, null, Set.of());
  }

  /**
   * A weekly session from {@code openDay openTime} to {@code closeDay closeTime} (wall times in
   * {@code zone}; it may wrap over the week's end), closed all day on each of {@code closedDates}
   * (local dates in {@code zone}). Open and close must differ.
   */
  public static MarketHours weekly(ZoneId zone, DayOfWeek openDay, LocalTime openTime,
      DayOfWeek closeDay, LocalTime closeTime, Set<LocalDate> closedDates) {
    Objects.requireNonNull(zone, "zone");
    if (openDay == closeDay && openTime.equals(closeTime)) {
      throw new IllegalArgumentException("the session opens and closes at the same time");
    }
    return new MarketHours(zone, openDay, openTime, closeDay, closeTime,
        Set.copyOf(new TreeSet<>(closedDates)));
  }

  /** FX: open Sunday 17:00 to Friday 17:00 {@code America/New_York}, no holidays. */
  public static MarketHours fx() {
    return weekly(ZoneId.of("America/New_York"), DayOfWeek.SUNDAY, LocalTime.of(17, 0),
        DayOfWeek.FRIDAY, LocalTime.of(17, 0), Set.of());
  }

  /** True for {@link #always()}. */
  public boolean isAlways() {
    return zone == null;
  }

  /** Whether the market is open at {@code t}; always true for {@link #always()}. */
  public boolean isOpen(Instant t) {
    if (isAlways()) {
      return true;
    }
    LocalDateTime local = LocalDateTime.ofInstant(t, zone);
    if (closedDates.contains(local.toLocalDate())) {
      return false;
    }
    int at = weekMinute(local.getDayOfWeek(), local.toLocalTime());
    int open = weekMinute(openDay, openTime);
    int close = weekMinute(closeDay, closeTime);
    return open < close ? at >= open && at < close : at >= open || at < close;
  }

  /**
   * Where {@code t} falls: open or closed, since when (the last transition at or before {@code
   * t}) and until when (the next one after it). Empty for {@link #always()}, or when no transition
   * is found within {@value #HORIZON_DAYS} days (a calendar that is closed for a year).
   */
  public Optional<Session> sessionAt(Instant t) {
    if (isAlways()) {
      return Optional.empty();
    }
    for (int days : new int[] {8, HORIZON_DAYS}) {
      Instant since = null;
      Instant until = null;
      for (Instant c : candidates(t, days)) {
        if (isOpen(c) == isOpen(c.minusNanos(1))) {
          continue;
        }
        if (!c.isAfter(t)) {
          since = c;
        } else if (until == null) {
          until = c;
        }
      }
      if (since != null && until != null) {
        return Optional.of(new Session(isOpen(t), since, until));
      }
    }
    return Optional.empty();
  }

  /**
   * One stretch of the calendar: {@code open} or closed from {@code since} (inclusive) to {@code
   * until} (exclusive).
   *
   * @param open whether the market is open in this stretch
   * @param since its start, inclusive; not null
   * @param until its end, exclusive; not null
   */
  public record Session(boolean open, Instant since, Instant until) {
    public Session {
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(until, "until");
    }
  }

  /** Every instant at which the state could change near {@code t}, in order. */
  private List<Instant> candidates(Instant t, int days) {
    LocalDate day = LocalDate.ofInstant(t, zone);
    List<Instant> out = new ArrayList<>();
    for (LocalDate d = day.minusDays(days); !d.isAfter(day.plusDays(days));
        d = d.plusDays(1)) {
      out.add(d.atStartOfDay(zone).toInstant());
      if (d.getDayOfWeek() == openDay) {
        out.add(wallInstant(d, openTime));
      }
      if (d.getDayOfWeek() == closeDay) {
        out.add(wallInstant(d, closeTime));
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * The instant of a wall time: in an autumn overlap the earlier one; in a spring gap the gap's
   * end, which is when {@link #isOpen} (judging by wall time) changes.
   */
  private Instant wallInstant(LocalDate d, LocalTime time) {
    LocalDateTime local = d.atTime(time);
    ZoneOffsetTransition gap = zone.getRules().getTransition(local);
    return gap != null && gap.isGap() ? gap.getInstant() : ZonedDateTime.of(local, zone).toInstant();
  }

  private static int weekMinute(DayOfWeek day, LocalTime time) {
    return ((day.getValue() - 1) * 24 * 60 + time.getHour() * 60 + time.getMinute()) % WEEK_MINUTES;
  }

  @Override
  public String toString() {
    if (isAlways()) {
      return "always";
    }
    return openDay.toString().substring(0, 3) + " " + openTime + " to "
        + closeDay.toString().substring(0, 3) + " " + closeTime + " " + zone
        + (closedDates.isEmpty() ? "" : ", closed " + new TreeSet<>(closedDates));
  }
}
