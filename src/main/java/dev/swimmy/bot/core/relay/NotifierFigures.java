package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.core.sexp.Sexp;
import dev.swimmy.bot.core.sexp.Sexp.Dotted;
import dev.swimmy.bot.core.sexp.Sexp.Int;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Sym;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of {@code data/notifier_metrics.sexp}, which the engine merges into its own
 * telemetry. {@link #toSexp} gives exactly SPEC.md's alist, in its order, with the timestamp in
 * Lisp universal time and every other value a non-negative integer.
 */
public record NotifierFigures(
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
    long latencyP99Ms) {
  public static final int SCHEMA_VERSION = 1;

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
    pairs.add(new Dotted(List.of(new Sym(null, key.toUpperCase(java.util.Locale.ROOT))), Int.of(Math.max(0, value))));
  }
}
