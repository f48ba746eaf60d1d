package dev.swimmy.bot.core.discord;

import static dev.swimmy.bot.core.discord.CoreFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.DiscordLimits;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import dev.swimmy.bot.core.relay.Spool.DeadWebhook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RelayViewTest {
  @Test
  void health_showsEveryFigureTheOperatorsAskedFor() {
    Message m = RelayView.health(CoreFakes.health(
        List.of(new DeadWebhook("111", "404 Unknown Webhook", T0)), Optional.of(Duration.ofMillis(250))));
    Embed e = m.embeds().get(0);
    assertThat(e.fields()).extracting(Field::name).contains("Queue", "Drops", "Errors", "Retries", "Success rate",
        "Latency p50 / p95 / p99", "Oldest pending", "Dead webhooks (1)");
    assertThat(e.fields()).extracting(Field::value).contains("40 ms / 90 ms / 250 ms", "98.0%");
    assertThat(e.colour()).isEqualTo(Colors.BAD);
    assertThat(e.fields().toString()).contains("<t:" + T0.minusSeconds(20).getEpochSecond() + ":R>");
  }

  @Test
  void health_withNothingDeliveredYet_showsDashes() {
    RelayHealth h = new RelayHealth(T0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty(), Optional.empty(), Optional.empty(),
        Duration.ofSeconds(5), Optional.empty(), 0, List.of(), java.util.Map.of(), Optional.empty());
    Embed e = RelayView.health(h).embeds().get(0);
    assertThat(e.fields()).extracting(Field::value).contains("—");
    assertThat(e.colour()).isEqualTo(Colors.OK);
  }

  @Test
  void health_saysWhichIntakeTheQueuedNotificationsCameFrom() {
    LanesHealth lanes = LanesHealth.idle(T0);
    dev.swimmy.bot.core.relay.Spool.SpoolStats stats = new dev.swimmy.bot.core.relay.Spool.SpoolStats(0, 0, 0, 0, Optional.empty());
    RelayHealth h = RelayHealth.of(
        dev.swimmy.bot.core.relay.RelayFigures.of(T0, stats, new dev.swimmy.bot.core.relay.RelayFigures.Intake(0, 0, 0, 0), lanes),
        lanes, stats, List.of(), Duration.ofSeconds(60), Optional.empty(), java.util.Map.of("zmq", 120L, "http", 7L));
    Embed e = RelayView.health(h).embeds().get(0);
    assertThat(e.fields()).filteredOn(f -> f.name().equals("Queued by intake")).extracting(Field::value)
        .containsExactly("http 7 · zmq 120");
  }

  @Test
  void aThousandDeadWebhooksAndLetters_stayWithinDiscordsLimits() {
    List<DeadWebhook> dead = new ArrayList<>();
    List<DeadLetter> letters = new ArrayList<>();
    IntStream.range(0, 1000).forEach(i -> {
      dead.add(new DeadWebhook(String.valueOf(1000 + i), "x".repeat(500), T0));
      letters.add(new DeadLetter(i, String.valueOf(i), "y".repeat(900), T0, T0));
    });
    assertWithinLimits(RelayView.health(CoreFakes.health(dead, Optional.empty())));
    assertWithinLimits(RelayView.deadLetters(letters, 5000));
  }

  static void assertWithinLimits(Message m) {
    assertThat(DiscordLimits.violations(m)).isEmpty();
  }
}
