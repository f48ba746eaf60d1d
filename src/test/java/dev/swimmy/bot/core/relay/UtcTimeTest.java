package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** UtcTime must read every text exactly as the pattern check plus {@link Instant#parse} did. */
class UtcTimeTest {
  private static final Pattern UTC_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

  private static Optional<Instant> reference(String text) {
    if (!UTC_TIME.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Test
  void everyFieldAtAndAroundItsLimits_readsAsInstantParseReadsIt() {
    String[] years = {"0000", "0001", "1899", "1900", "1970", "2024", "2026", "2100", "9999"};
    int[] months = {0, 1, 2, 3, 4, 12, 13, 99};
    int[] days = {0, 1, 28, 29, 30, 31, 32, 99};
    int[] hours = {0, 1, 12, 23, 24, 25, 99};
    int[] minutes = {0, 1, 59, 60, 99};
    int[] seconds = {0, 1, 59, 60, 61, 99};
    int compared = 0;
    for (String y : years) {
      for (int mo : months) {
        for (int d : days) {
          for (int h : hours) {
            for (int mi : minutes) {
              for (int s : seconds) {
                String text = y + "-" + two(mo) + "-" + two(d) + "T" + two(h) + ":" + two(mi) + ":" + two(s) + "Z";
                assertThat(UtcTime.parse(text)).as(text).isEqualTo(reference(text));
                compared++;
              }
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(100_000);
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : String.valueOf(value);
  }

  @Test
  void malformedTexts_areNoTime_asBefore() {
    List<String> texts = new ArrayList<>(List.of("", "yesterday", "2026-02-11T03:00:00", "2026-02-11t03:00:00Z",
        "2026-02-11T03:00:00z", "2026-02-11 03:00:00Z", "2026-02-11T03:00:00.5Z", "+2026-02-11T03:00:00Z",
        "2026-2-11T03:00:00Z", "2026-02-11T03:00:00+00:00", "２０２６-02-11T03:00:00Z", "2026-02-11T03:00:0aZ",
        " 2026-02-11T03:00:00Z", "2026-02-11T03:00:00Z "));
    Random random = new Random(7);
    String alphabet = "0123456789-T:Z ./+a٣";
    for (int i = 0; i < 20_000; i++) {
      char[] c = "2026-02-11T03:00:00Z".toCharArray();
      c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      texts.add(new String(c));
    }
    for (String text : texts) {
      assertThat(UtcTime.parse(text)).as(text).isEqualTo(reference(text));
    }
  }
}
