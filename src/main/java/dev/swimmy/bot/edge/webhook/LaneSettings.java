package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.LanePolicy;
import java.time.Duration;

/**
 * How the webhook lanes behave. {@code maxAge} comes from {@code notifier.max-age} in the config; the rest have defaults chosen for Discord's limits.
 *
 * @param maxConcurrentRequests HTTP requests in flight over all webhooks at once
 * @param claimBatch messages a lane claims ahead (10: enough to fill one coalesced request)
 * @param coalesce pack consecutive embed-only messages into one request
 * @param invalidRequestLimit stop sending at this many 401/403/429 in 10 minutes (Discord bans at 10,000)
 * @param rateLimitMargin extra wait after a bucket's announced reset, against clock granularity
 * @param pollInterval how often the spool is asked for webhooks with pending work (besides {@code wake()})
 */
public record LaneSettings(
    Duration maxAge,
    int maxConcurrentRequests,
    int claimBatch,
    boolean coalesce,
    Duration backoffBase,
    Duration backoffCap,
    int invalidRequestLimit,
    Duration rateLimitMargin,
    Duration pollInterval,
    int digestMax) {

  public static LaneSettings defaults(Duration maxAge) {
    return new LaneSettings(maxAge, 8, 10, true, Duration.ofSeconds(1),
        Duration.ofMinutes(1), 1_000, Duration.ofMillis(5), Duration.ofMillis(250),
        5_000);
  }

  /** The knobs of {@link LanePolicy}. */
  public LanePolicy.Limits limits() {
    return new LanePolicy.Limits(maxAge, claimBatch, coalesce, digestMax, rateLimitMargin);
  }

  public LaneSettings withCoalesce(boolean on) {
    return new LaneSettings(maxAge, maxConcurrentRequests, claimBatch, on, backoffBase,
        backoffCap, invalidRequestLimit, rateLimitMargin, pollInterval, digestMax);
  }

  public LaneSettings withPollInterval(Duration d) {
    return new LaneSettings(maxAge, maxConcurrentRequests, claimBatch, coalesce, backoffBase,
        backoffCap, invalidRequestLimit, rateLimitMargin, d, digestMax);
  }
}
