package dev.swimmy.bot.core.relay;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The engine's UTC time text, {@code YYYY-MM-DDTHH:MM:SSZ} (ASCII digits, upper-case {@code T} and
 * {@code Z}), read to the same instant as {@link Instant#parse} gives, which it replaces on the
 * intake path because the formatter machinery cost more than the rest of the envelope's checks.
 * As there, {@code 24:00:00} is the next midnight, a leap second {@code 23:59:60} reads as {@code
 * 23:59:59}, and an impossible date or time is no time. {@code UtcTimeTest} compares the two.
 */
final class UtcTime {
  private static final int LENGTH = 20;

  private UtcTime() {}

  static Optional<Instant> parse(String text) {
    if (text.length() != LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
      return Optional.empty();
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return Optional.empty();
    }
    int nextDay = 0;
    if (hour == 24 && minute == 0 && second == 0) {
      hour = 0;
      nextDay = 1;
    } else if (hour == 23 && minute == 59 && second == 60) {
      second = 59;
    }
    try {
      LocalDateTime time = LocalDateTime.of(year, month, day, hour, minute, second).plusDays(nextDay);
      return Optional.of(Instant.ofEpochSecond(time.toEpochSecond(ZoneOffset.UTC)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The ASCII digits at {@code [from, from + count)} as a number, or -1 if one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
