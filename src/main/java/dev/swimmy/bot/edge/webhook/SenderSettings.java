package dev.swimmy.bot.edge.webhook;

import java.time.Duration;

/**
 * How the webhook lanes behave. {@code maxAge} and {@code latencySlo} come from {@code notifier.*}
 * in the config; the rest have defaults chosen for Discord's limits.
 *
 * @param maxConcurrentRequests HTTP requests in flight over all webhooks at once
 * @param claimBatch messages a lane claims ahead (10: enough to fill one coalesced request)
 * @param coalesce pack consecutive embed-only messages into one request
 * @param invalidRequestLimit stop sending at this many 401/403/429 in 10 minutes (Discord bans at 10,000)
 * @param rateLimitMargin extra wait after a bucket's announced reset, against clock granularity
 * @param pollInterval how often the spool is asked for webhooks with pending work (besides {@code wake()})
 * @param sloQuiet how long latency must stay under the SLO before the breach alert clears
 */
public record SenderSettings(
    Duration maxAge,
    Duration latencySlo,
    int maxConcurrentRequests,
    int claimBatch,
    boolean coalesce,
    Duration backoffBase,
    Duration backoffCap,
    int invalidRequestLimit,
    Duration rateLimitMargin,
    Duration pollInterval,
    Duration sloQuiet,
    int digestMax) {

  public static SenderSettings defaults(Duration maxAge, Duration latencySlo) {
    return new SenderSettings(maxAge, latencySlo, 8, 10, true, Duration.ofSeconds(1),
        Duration.ofMinutes(1), 1_000, Duration.ofMillis(5), Duration.ofMillis(250),
        Duration.ofMinutes(5), 5_000);
  }

  public SenderSettings withCoalesce(boolean on) {
    return new SenderSettings(maxAge, latencySlo, maxConcurrentRequests, claimBatch, on, backoffBase,
        backoffCap, invalidRequestLimit, rateLimitMargin, pollInterval, sloQuiet, digestMax);
  }

  public SenderSettings withPollInterval(Duration d) {
    return new SenderSettings(maxAge, latencySlo, maxConcurrentRequests, claimBatch, coalesce, backoffBase,
        backoffCap, invalidRequestLimit, rateLimitMargin, d, sloQuiet, digestMax);
  }

  public SenderSettings withInvalidRequestLimit(int limit) {
    return new SenderSettings(maxAge, latencySlo, maxConcurrentRequests, claimBatch, coalesce, backoffBase,
        backoffCap, limit, rateLimitMargin, pollInterval, sloQuiet, digestMax);
  }
}
