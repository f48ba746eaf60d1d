package dev.swimmy.bot.core.status;

import static dev.swimmy.bot.core.status.Values.decimal;
import static dev.swimmy.bot.core.status.Values.integer;

import dev.swimmy.bot.core.sexp.SexpMap;
import dev.swimmy.bot.core.status.Snapshot.SystemMetrics;
import java.time.Instant;
import java.util.Set;

/** {@code data/system_metrics.sexp}: its own time is {@code timestamp}, universal time. */
final class SystemMetricsDecoder {
  private static final Set<String> KNOWN =
      Set.of(
          "schema-version", "timestamp", "heap-used-bytes", "heap-used-mb", "strategy-count",
          "uptime-seconds");

  private SystemMetricsDecoder() {}

  static SystemMetrics decode(SexpMap m, int schema) throws UndecodableException {
    Instant own = Values.universalTime(m, "timestamp");
    if (own == null) {
      throw new UndecodableException(
          "timestamp (universal time) is missing or 0, so the data has no time of its own");
    }
    return new SystemMetrics(
        schema,
        own,
        integer(m, "heap_used_bytes"),
        decimal(m, "heap_used_mb"),
        integer(m, "strategy_count"),
        integer(m, "uptime_seconds"),
        Values.unknown(m, KNOWN));
  }
}
