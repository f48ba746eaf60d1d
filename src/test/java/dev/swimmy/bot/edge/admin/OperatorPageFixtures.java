package dev.swimmy.bot.edge.admin;

import dev.swimmy.bot.core.discord.DeadLetterAdmin;
import dev.swimmy.bot.core.discord.RelayHealth;
import dev.swimmy.bot.core.relay.FailureReason;
import dev.swimmy.bot.core.relay.LaneFigures;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** A relay in trouble, as the operator page reads it: a wait, a dead webhook, dead letters. */
final class OperatorPageFixtures {
  static final String TOKEN = "sEcReTtOkEn-abcdefghijklmnopqrstuvwxyz0123456789";
  static final String HOOK_URL = "https://discord.com/api/webhooks/1200000000000000001/" + TOKEN;
  static final String HOSTILE = "<img src=x onerror=alert(1)> & \"quoted\"";

  private OperatorPageFixtures() {}

  static RelayHealth health(Instant now) {
    return new RelayHealth(now, 7, 1234, 0, 9, 15, 1, 3, 2, 2, 0, Optional.of(Duration.ofMillis(35)),
        Optional.of(Duration.ofMillis(80)), Optional.of(Duration.ofMillis(140)), Duration.ofSeconds(5),
        Optional.of(now.minusSeconds(42)), 2,
        List.of(new DeadWebhook("1200000000000000001", "404 Unknown Webhook at " + HOOK_URL, now.minusSeconds(600))),
        Map.of(), Optional.empty());
  }

  static LanesHealth lanes(Instant now) {
    return new LanesHealth(now, 1234, 15, 3, Map.of("http_5xx", 9L), 35, 80, 140, 42,
        Map.of("1200000000000000002", new LanesHealth.LastError(now.minusSeconds(30), FailureReason.SERVER_ERROR,
            "503 from " + HOOK_URL.replace("0001", "0002"))),
        Set.of("1200000000000000001"), 12, Optional.of(now.plusSeconds(20)), 2, 0,
        Map.of("1200000000000000002", new LaneFigures(1200, 9, OptionalLong.of(80)),
            "1200000000000000003", new LaneFigures(34, 0, OptionalLong.empty())));
  }

  static DeadLetterAdmin letters(Instant now) {
    List<DeadLetter> list = List.of(
        new DeadLetter(41, "1200000000000000001", "400 Invalid Form Body: " + HOSTILE, now.minusSeconds(900),
            now.minusSeconds(800)),
        new DeadLetter(42, "1200000000000000001", "404 Unknown Webhook", now.minusSeconds(700), now.minusSeconds(600)));
    return new DeadLetterAdmin() {
      @Override
      public List<DeadLetter> list(int max) {
        return list.subList(0, Math.min(max, list.size()));
      }

      @Override
      public int count() {
        return 23;
      }

      @Override
      public int requeue(Optional<String> webhookId) {
        throw new UnsupportedOperationException("the page is read-only");
      }

      @Override
      public int purge(Optional<String> webhookId) {
        throw new UnsupportedOperationException("the page is read-only");
      }
    };
  }
}
