package dev.swimmy.bot.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The market calendar over plain instants: the FX week in New York time across the US
 * daylight-saving changes, holidays, and {@code always}.
 */
class MarketHoursTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final MarketHours FX = MarketHours.fx();

  /** An instant given as New York wall time. */
  static Instant ny(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
  }

  @Test
  void fxWeek_isOpenFromSunday17ToFriday17NewYorkTime() {
    assertThat(FX.isOpen(ny("2026-11-27T16:59"))).isTrue(); // Friday
    assertThat(FX.isOpen(ny("2026-11-27T17:00"))).isFalse();
    assertThat(FX.isOpen(ny("2026-11-28T12:00"))).isFalse(); // Saturday
    assertThat(FX.isOpen(ny("2026-11-29T16:59"))).isFalse(); // Sunday
    assertThat(FX.isOpen(ny("2026-11-29T17:00"))).isTrue();
    assertThat(FX.isOpen(ny("2026-11-25T03:00"))).isTrue(); // Wednesday night
  }

  @Test
  void aSaturday_isInTheClosureFromFridaysCloseToSundaysOpen() {
    MarketHours.Session s = FX.sessionAt(ny("2026-11-28T12:00")).orElseThrow();
    assertThat(s.open()).isFalse();
    assertThat(s.since()).isEqualTo(ny("2026-11-27T17:00"));
    assertThat(s.until()).isEqualTo(ny("2026-11-29T17:00"));
    assertThat(s.since()).isEqualTo(Instant.parse("2026-11-27T22:00:00Z")); // EST, UTC-5
  }

  @Test
  void anOpenWeek_runsFromSundaysOpenToFridaysClose() {
    MarketHours.Session s = FX.sessionAt(ny("2026-11-25T03:00")).orElseThrow();
    assertThat(s.open()).isTrue();
    assertThat(s.since()).isEqualTo(ny("2026-11-22T17:00"));
    assertThat(s.until()).isEqualTo(ny("2026-11-27T17:00"));
  }

  @Test
  void springForwardWeekend_closesAtEstAndOpensAtEdt() {
    // US daylight saving time begins Sunday 2026-03-08 at 02:00: the closure is 47 hours.
    MarketHours.Session s = FX.sessionAt(ny("2026-03-07T12:00")).orElseThrow();
    assertThat(s.since()).isEqualTo(Instant.parse("2026-03-06T22:00:00Z"));
    assertThat(s.until()).isEqualTo(Instant.parse("2026-03-08T21:00:00Z"));
    assertThat(Duration.between(s.since(), s.until())).isEqualTo(Duration.ofHours(47));
    assertThat(FX.isOpen(Instant.parse("2026-03-08T20:59:59Z"))).isFalse();
    assertThat(FX.isOpen(Instant.parse("2026-03-08T21:00:00Z"))).isTrue();
  }

  @Test
  void fallBackWeekend_closesAtEdtAndOpensAtEst() {
    // US daylight saving time ends Sunday 2026-11-01 at 02:00: the closure is 49 hours.
    MarketHours.Session s = FX.sessionAt(Instant.parse("2026-11-01T06:30:00Z")).orElseThrow();
    assertThat(s.open()).isFalse();
    assertThat(s.since()).isEqualTo(Instant.parse("2026-10-30T21:00:00Z"));
    assertThat(s.until()).isEqualTo(Instant.parse("2026-11-01T22:00:00Z"));
    assertThat(Duration.between(s.since(), s.until())).isEqualTo(Duration.ofHours(49));
    // An hour later in UTC terms on the old offset is still closed: the open follows the wall clock.
    assertThat(FX.isOpen(Instant.parse("2026-11-01T21:30:00Z"))).isFalse();
  }

  @Test
  void aSessionTimeInTheSpringGap_opensAtTheFirstInstantAfterIt() {
    MarketHours early = MarketHours.weekly(NEW_YORK, DayOfWeek.SUNDAY, LocalTime.of(2, 30),
        DayOfWeek.FRIDAY, LocalTime.of(17, 0), Set.of());
    MarketHours.Session s = early.sessionAt(Instant.parse("2026-03-08T12:00:00Z")).orElseThrow();
    assertThat(s.open()).isTrue();
    assertThat(s.since()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z")); // 03:00 EDT
  }

  @Test
  void aHoliday_isClosedAllDayAndJoinsTheWeekend() {
    MarketHours xmas = MarketHours.weekly(NEW_YORK, DayOfWeek.SUNDAY, LocalTime.of(17, 0),
        DayOfWeek.FRIDAY, LocalTime.of(17, 0), Set.of(LocalDate.parse("2026-12-25")));
    assertThat(xmas.isOpen(ny("2026-12-24T23:59"))).isTrue();
    MarketHours.Session s = xmas.sessionAt(ny("2026-12-25T10:00")).orElseThrow();
    assertThat(s.open()).isFalse();
    assertThat(s.since()).isEqualTo(ny("2026-12-25T00:00"));
    assertThat(s.until()).isEqualTo(ny("2026-12-27T17:00"));
    assertThat(FX.isOpen(ny("2026-12-25T10:00"))).isTrue(); // without the holiday
  }

  @Test
  void aMidweekHoliday_reopensAtMidnightAfterIt() {
    MarketHours h = MarketHours.weekly(NEW_YORK, DayOfWeek.SUNDAY, LocalTime.of(17, 0),
        DayOfWeek.FRIDAY, LocalTime.of(17, 0), Set.of(LocalDate.parse("2026-07-01")));
    MarketHours.Session s = h.sessionAt(ny("2026-07-01T12:00")).orElseThrow();
    assertThat(s.since()).isEqualTo(ny("2026-07-01T00:00"));
    assertThat(s.until()).isEqualTo(ny("2026-07-02T00:00"));
    assertThat(h.sessionAt(ny("2026-07-02T09:00")).orElseThrow().since()).isEqualTo(ny("2026-07-02T00:00"));
  }

  @Test
  void aSessionWithinTheWeek_doesNotWrap() {
    MarketHours tokyo = MarketHours.weekly(ZoneId.of("Asia/Tokyo"), DayOfWeek.MONDAY,
        LocalTime.of(9, 0), DayOfWeek.FRIDAY, LocalTime.of(15, 0), Set.of());
    Instant sat = LocalDateTime.parse("2026-11-28T12:00").atZone(ZoneId.of("Asia/Tokyo")).toInstant();
    Instant wed = LocalDateTime.parse("2026-11-25T12:00").atZone(ZoneId.of("Asia/Tokyo")).toInstant();
    assertThat(tokyo.isOpen(sat)).isFalse();
    assertThat(tokyo.isOpen(wed)).isTrue();
  }

  @Test
  void always_isOpenAtEveryInstantAndHasNoSessions() {
    MarketHours always = MarketHours.always();
    assertThat(always.isAlways()).isTrue();
    assertThat(always.isOpen(ny("2026-11-28T12:00"))).isTrue();
    assertThat(always.sessionAt(ny("2026-11-28T12:00"))).isEmpty();
  }

  @Test
  void aSessionThatOpensWhenItCloses_isRefused() {
    assertThatThrownBy(() -> MarketHours.weekly(NEW_YORK, DayOfWeek.MONDAY, LocalTime.NOON,
        DayOfWeek.MONDAY, LocalTime.NOON, Set.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
