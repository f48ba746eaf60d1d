package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelayFiguresTest {
  static final Instant NOW = Instant.parse("2026-02-11T03:18:19Z");

  static LanesHealth sender(Map<String, Long> errors, long delivered, long deadLettered, long expired) {
    return new LanesHealth(NOW, delivered, 2, 3, errors, 10, 20, 30, 0, Map.of(), Set.of(), 0, Optional.empty(),
        deadLettered, expired);
  }

  @Test
  void errors_areFailedAttemptsPlusFailedSpoolWrites() {
    RelayFigures f = RelayFigures.of(NOW, new SpoolStats(4, 2, 1, 1, Optional.of(NOW.minusSeconds(90))),
        new RelayFigures.Intake(1, 5, 6, 2), sender(Map.of("serverError", 3L, "deadWebhook", 1L), 10, 2, 0));

    assertThat(f.errors()).isEqualTo(3 + 1 + 2);
    assertThat(f.rateLimited()).as("a 429 is its own figure").isEqualTo(3);
    assertThat(f.queueLen()).as("pending plus in flight").isEqualTo(6);
    assertThat(f.oldestPendingAgeSecs()).isEqualTo(90);
  }

  @Test
  void aRateLimit_isNotAnError_everyOtherReasonIs() {
    for (FailureReason r : FailureReason.values()) {
      assertThat(RelayFigures.isError(r)).as(r.name()).isEqualTo(r != FailureReason.RATE_LIMITED);
    }
  }

  @Test
  void successRate_isDeliveredOverFinished() {
    RelayFigures f = RelayFigures.of(NOW, new SpoolStats(0, 0, 0, 0, Optional.empty()),
        new RelayFigures.Intake(1, 0, 0, 0), sender(Map.of("serverError", 9L), 6, 2, 1));

    assertThat(f.successRate()).as("6 delivered of 6 + 2 dead-lettered + 1 expired + 1 dropped").hasValue(0.6);
    assertThat(RelayFigures.successRate(0, 0, 0, 0)).isEmpty();
  }
}
