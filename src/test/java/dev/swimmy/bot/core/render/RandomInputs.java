package dev.swimmy.bot.core.render;

import dev.swimmy.bot.core.status.Issue;
import dev.swimmy.bot.core.status.LastGood;
import dev.swimmy.bot.core.status.ReadOutcome;
import dev.swimmy.bot.core.status.Sighting;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.StatusBoard;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generators of hostile inputs for the property tests: long, odd and many of everything. */
final class RandomInputs {
  private static final String[] ALPHABETS = {"abcXYZ 0123", "🟢🔴é日本語\n*_`~|>", "@everyone <t:1:R> "};

  private RandomInputs() {}

  static String text(Random r) {
    int len = switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> r.nextInt(20);
      case 2 -> r.nextInt(1500);
      default -> r.nextInt(7000);
    };
    String alphabet = ALPHABETS[r.nextInt(ALPHABETS.length)];
    StringBuilder b = new StringBuilder(len);
    int[] cps = alphabet.codePoints().toArray();
    for (int i = 0; i < len; i++) {
      b.appendCodePoint(cps[r.nextInt(cps.length)]);
    }
    return b.toString();
  }

  /** Null, a double's value, or an integer of up to 300 digits. */
  static BigDecimal dec(Random r) {
    if (r.nextInt(4) == 0) {
      BigInteger b = integer(r);
      return b == null ? null : new BigDecimal(b);
    }
    Double d = dbl(r);
    return d == null ? null : BigDecimal.valueOf(d);
  }

  static Double dbl(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> null;
      case 1 -> -Double.MAX_VALUE;
      case 2 -> Double.MAX_VALUE / (1 + r.nextInt(10));
      default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20));
    };
  }

  /** Null, a small count, any long, or a bignum of up to 300 digits. */
  static BigInteger integer(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> null;
      case 1 -> BigInteger.valueOf(r.nextInt(100000));
      case 2 -> BigInteger.valueOf(r.nextLong());
      case 3 -> new BigInteger(1 + r.nextInt(1000), r);
      default -> BigInteger.valueOf(r.nextInt(100));
    };
  }

  static <T> Sighting<T> sighting(Random r, T seen) {
    return switch (r.nextInt(3)) {
      case 0 -> null;
      case 1 -> new Sighting.NoneYet<>();
      default -> new Sighting.Seen<>(seen);
    };
  }

  static Message message(Random r) {
    List<Embed> embeds = new ArrayList<>();
    int n = r.nextInt(13);
    for (int i = 0; i < n; i++) {
      List<Field> fields = new ArrayList<>();
      int f = r.nextInt(40);
      for (int j = 0; j < f; j++) {
        fields.add(new Field(text(r), text(r), r.nextBoolean()));
      }
      embeds.add(new Embed(text(r), text(r), r.nextInt(0xFFFFFF), fields, text(r)));
    }
    return new Message(text(r), embeds);
  }

  static Instant instant(Random r, Instant now) {
    return now.plusSeconds(r.nextInt(4_000_000) - 3_000_000L);
  }

  static Map<String, Object> unknown(Random r) {
    Map<String, Object> m = new LinkedHashMap<>();
    int n = r.nextInt(r.nextBoolean() ? 3 : 60);
    for (int i = 0; i < n; i++) {
      m.put(text(r) + i, r.nextBoolean() ? text(r) : dbl(r));
    }
    return m;
  }

  static Snapshot snapshot(Random r, SourceId id, Instant now) {
    Instant own = instant(r, now);
    return switch (id) {
      case LIVE_STATUS -> new Snapshot.LiveStatus(2, own, dec(r), dec(r), dec(r), dec(r), text(r),
          text(r), text(r), integer(r), dec(r), sighting(r, instant(r, now)),
          sighting(r, BigInteger.valueOf(r.nextInt(100_000))), integer(r), dec(r), r.nextBoolean(),
          unknown(r));
      case SYSTEM_METRICS -> new Snapshot.SystemMetrics(1, own, integer(r), dec(r), integer(r),
          integer(r), unknown(r));
      case BACKTEST_CACHE -> {
        List<Snapshot.Strategy> top = new ArrayList<>();
        for (int i = 0; i < r.nextInt(11); i++) {
          String name = text(r);
          top.add(new Snapshot.Strategy(name, run(r, name, now),
              r.nextBoolean() ? null : run(r, name + "_IS", now),
              r.nextBoolean() ? null : run(r, name + "-OOS", now)));
        }
        yield new Snapshot.BacktestCache(1, own, top.isEmpty(), r.nextInt(Integer.MAX_VALUE),
            r.nextInt(100), top.isEmpty() ? null : top.get(0).full(), top);
      }
    };
  }

  static Snapshot.BacktestEntry run(Random r, String name, Instant now) {
    return new Snapshot.BacktestEntry(name, instant(r, now), dbl(r), dbl(r), integer(r), dbl(r),
        dbl(r), dbl(r));
  }

  static SourceReport report(Random r, SourceId id, Instant now) {
    ReadOutcome outcome = switch (r.nextInt(5)) {
      case 0 -> new ReadOutcome.Bad(new Issue.ParseFailure(text(r), r.nextInt(9999), r.nextInt(9999)));
      case 1 -> new ReadOutcome.Bad(new Issue.SchemaMismatch(r.nextInt(), r.nextBoolean() ? null : r.nextInt()));
      case 2 -> new ReadOutcome.Bad(new Issue.Missing(text(r)));
      default -> new ReadOutcome.Good(snapshot(r, id, now));
    };
    LastGood lg = r.nextBoolean() ? null : new LastGood(snapshot(r, id, now), r.nextBoolean());
    return SourceReport.decide(id, outcome, lg, now, Duration.ofSeconds(1 + r.nextInt(100_000)));
  }

  static StatusBoard board(Random r) {
    Instant now = Instant.ofEpochSecond(1_770_779_899L + r.nextInt(1_000_000));
    return new StatusBoard(report(r, SourceId.LIVE_STATUS, now), report(r, SourceId.SYSTEM_METRICS, now),
        report(r, SourceId.BACKTEST_CACHE, now), now);
  }
}
