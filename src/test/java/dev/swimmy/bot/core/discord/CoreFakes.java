package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain-data stand-ins for the status and relay sides, shared by core tests. */
final class CoreFakes {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private CoreFakes() {}

  static RelayHealth health(List<DeadWebhook> dead, Optional<Duration> p99) {
    return new RelayHealth(T0, 3, 100, 1, 2, 5, 0, 1, 4, 1, 0,
        Optional.of(Duration.ofMillis(40)), Optional.of(Duration.ofMillis(90)), p99, Duration.ofSeconds(5),
        Optional.of(T0.minusSeconds(20)), 2, dead, Map.of(), Optional.empty());
  }

  /** Status views that answer each section with its own title. */
  static final class Views implements StatusViews {
    final Map<String, SourceCondition> states = new LinkedHashMap<>();

    @Override
    public Message status(StatusSection section) {
      return Embeds.simple("status " + section.optionName(), "", 0);
    }

    @Override
    public Map<String, SourceCondition> sourceStates() {
      return states;
    }
  }

  /** Dead letters in a list. */
  static final class Letters implements DeadLetterAdmin {
    final List<DeadLetter> letters = new ArrayList<>();

    @Override
    public List<DeadLetter> list(int max) {
      return letters.subList(0, Math.min(max, letters.size()));
    }

    @Override
    public int count() {
      return letters.size();
    }

    @Override
    public int requeue(Optional<String> webhookId) {
      return remove(webhookId);
    }

    @Override
    public int purge(Optional<String> webhookId) {
      return remove(webhookId);
    }

    private int remove(Optional<String> webhookId) {
      int before = letters.size();
      letters.removeIf(d -> webhookId.map(d.webhookId()::equals).orElse(true));
      return before - letters.size();
    }
  }
}
