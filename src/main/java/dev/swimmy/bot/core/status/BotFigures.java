package dev.swimmy.bot.core.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The bot's own figures, shown in the System block while the engine writes no system metrics:
 * its relay queue, dead webhooks, delivery p95, and the bot process's own uptime and heap. They
 * are the bot's, not the engine's, and are labelled so.
 *
 * @param queueLength messages queued in the relay
 * @param deadWebhooks webhooks marked dead
 * @param deliveryP95 null until something was delivered
 * @param uptime how long the bot process has run
 * @param heapUsedBytes the bot's heap in use, in bytes
 * @param takenAt when the figures were taken (the bot's clock: these are live, not file, values)
 */
public record BotFigures(
    int queueLength,
    int deadWebhooks,
    Duration deliveryP95,
    Duration uptime,
    long heapUsedBytes,
    Instant takenAt) {
  public BotFigures {
    Objects.requireNonNull(uptime, "uptime");
    Objects.requireNonNull(takenAt, "takenAt");
  }
}
