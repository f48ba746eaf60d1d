package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.core.relay.Spool.SpoolStats;
import dev.swimmy.bot.core.sexp.Sexp;
import dev.swimmy.bot.core.sexp.Sexp.Dotted;
import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Sym;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The relay's figures, defined once: {@code data/notifier_metrics.sexp}, {@code /notifier} and
 * {@code /metrics} all show what this record says (the README's "Reading the metrics" names the
 * Prometheus series of each). Counters are totals since start.
 *
 * <ul>
 *   <li>{@code queueLen}: messages accepted and not finished, i.e. pending plus in flight.
 *   <li>{@code errors}: failed delivery attempts (400 refused, 5xx, network error or timeout,
 *       401/403, 404 dead webhook: every {@link FailureReason} but {@code RATE_LIMITED}) plus failed
 *       spool writes. Not a 429 (that is {@code rateLimited}), not the retry that follows a failed
 *       attempt (that is {@code retries}), not a message folded into a digest ({@code expired}).
 *       A message that fails once and is then delivered counts one error and one delivery.
 *   <li>{@code deadLettered}: messages moved to dead letters (refused, or their webhook died);
 *       {@code expired}: messages older than {@code max-age}, sent only as a line of a digest;
 *       {@code drops}: oldest pending dropped past {@code queue-max}.
 *   <li>Success rate: messages delivered over messages finished, where finished is delivered plus
 *       dead-lettered plus expired plus dropped ({@link #successRate()}).
 *   <li>Latency percentiles: over the last deliveries, from the engine's time (else receive time)
 *       to Discord's 2xx, in milliseconds; 0 before the first delivery.
 * </ul>
 *
 * <p>{@link #toSexp} gives exactly SPEC.md's alist, in its order, with the timestamp in Lisp
 * universal time and every other value a non-negative integer; {@code deadLettered} and {@code
 * expired} are not in the file (SPEC fixes its keys).
 *
 * @param timestamp when the figures were taken
 * @param queueLen messages accepted and not finished
 * @param drops oldest pending messages dropped past {@code queue-max}
 * @param errors failed delivery attempts plus failed spool writes, as above
 * @param delivered messages delivered
 * @param rejected frames and requests rejected at intake
 * @param retries retries after a failed attempt
 * @param rateLimited 429 answers
 * @param dedupeSuppressed duplicates not queued
 * @param deadWebhooks webhooks marked dead
 * @param oldestPendingAgeSecs age of the oldest pending message, in seconds; 0 when none is pending
 * @param latencyP50Ms median delivery latency, in milliseconds
 * @param latencyP95Ms p95 delivery latency, in milliseconds
 * @param latencyP99Ms p99 delivery latency, in milliseconds
 * @param deadLettered messages moved to dead letters
 * @param expired messages older than {@code max-age}, sent only as a line of a digest
 */
public record RelayFigures(
    Instant timestamp,
    long queueLen,
    long drops,
    long errors,
    long delivered,
    long rejected,
    long retries,
    long rateLimited,
    long dedupeSuppressed,
    long deadWebhooks,
    long oldestPendingAgeSecs,
    long latencyP50Ms,
    long latencyP95Ms,
    long latencyP99Ms,
    long deadLettered,
    long expired) {
  /** The {@code schema_version} of {@code data/notifier_metrics.sexp}. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * What intake and the spool counted: drops, rejected frames, duplicates and failed spool writes.
   *
   * @param drops oldest pending messages dropped past {@code queue-max}
   * @param rejected frames and requests rejected
   * @param dedupeSuppressed duplicates not queued
   * @param spoolWriteFailures spool writes that failed
   */
  public record Intake(long drops, long rejected, long dedupeSuppressed, long spoolWriteFailures) {}

  /** The figures of the relay's three parts, as of {@code now}. */
  public static RelayFigures of(Instant now, SpoolStats spool, Intake intake, LanesHealth lanes) {
    return new RelayFigures(now, queueLength(spool), intake.drops(),
        lanes.errors() + intake.spoolWriteFailures(), lanes.delivered(), intake.rejected(), lanes.retries(),
        lanes.rateLimited(), intake.dedupeSuppressed(), spool.deadWebhooks(), oldestPendingAgeSecs(spool, now),
        lanes.latencyP50Ms(), lanes.latencyP95Ms(), lanes.latencyP99Ms(), lanes.deadLettered(), lanes.expired());
  }

  /** Whether a failed attempt for this reason counts as an error: all but a 429. */
  public static boolean isError(FailureReason reason) {
    return reason != FailureReason.RATE_LIMITED;
  }

  /** Messages accepted and not finished: pending plus in flight. */
  public static long queueLength(SpoolStats spool) {
    return (long) spool.pending() + spool.inFlight();
  }

  /** Age of the oldest pending message in whole seconds, 0 when none. */
  public static long oldestPendingAgeSecs(SpoolStats spool, Instant now) {
    return spool.oldestPending().map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
  }

  /**
   * Delivered over finished (delivered + dead-lettered + expired + dropped), between 0 and 1;
   * empty while no message has finished.
   */
  public static Optional<Double> successRate(long delivered, long deadLettered, long expired, long drops) {
    long finished = delivered + deadLettered + expired + drops;
    return finished == 0 ? Optional.empty() : Optional.of((double) delivered / finished);
  }

  /** {@link #successRate(long, long, long, long)} of these figures. */
  public Optional<Double> successRate() {
    return successRate(delivered, deadLettered, expired, drops);
  }

  /** The alist of {@code data/notifier_metrics.sexp}, as SPEC.md fixes its keys and order. */
  public Sexp toSexp() {
    List<Sexp> pairs = new ArrayList<>();
    pair(pairs, "schema_version", SCHEMA_VERSION);
    pair(pairs, "timestamp", timestamp.getEpochSecond() + EnvelopeDecoder.UNIVERSAL_TIME_OFFSET);
    pair(pairs, "queue_len", queueLen);
    pair(pairs, "drops", drops);
    pair(pairs, "errors", errors);
    pair(pairs, "delivered", delivered);
    pair(pairs, "rejected", rejected);
    pair(pairs, "retries", retries);
    pair(pairs, "rate_limited", rateLimited);
    pair(pairs, "dedupe_suppressed", dedupeSuppressed);
    pair(pairs, "dead_webhooks", deadWebhooks);
    pair(pairs, "oldest_pending_age_secs", oldestPendingAgeSecs);
    pair(pairs, "latency_p50_ms", latencyP50Ms);
    pair(pairs, "latency_p95_ms", latencyP95Ms);
    pair(pairs, "latency_p99_ms", latencyP99Ms);
    return new Lst(pairs);
  }

  private static void pair(List<Sexp> pairs, String key, long value) {
    pairs.add(new Dotted(List.of(new Sym(null, key.toUpperCase(Locale.ROOT))), Int.of(Math.max(0, value))));
  }
}
