package dev.swimmy.bot.core.render;

import static dev.swimmy.bot.core.render.Formats.NONE;
import static dev.swimmy.bot.core.render.Formats.NONE_YET;
import static dev.swimmy.bot.core.render.Formats.count;
import static dev.swimmy.bot.core.render.Formats.number;
import static dev.swimmy.bot.core.render.Formats.percent;
import static dev.swimmy.bot.core.render.Formats.text;
import static dev.swimmy.bot.core.render.Formats.yen;

import dev.swimmy.bot.core.status.BotFigures;
import dev.swimmy.bot.core.status.Sighting;
import dev.swimmy.bot.core.status.Snapshot.BacktestCache;
import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import dev.swimmy.bot.core.status.Snapshot.LiveStatus;
import dev.swimmy.bot.core.status.Snapshot.Strategy;
import dev.swimmy.bot.core.status.Snapshot.SystemMetrics;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The values of each section, as short summaries (for the overview) and as detailed fields (for
 * {@code /status section:...}). Inputs may be null: a source with nothing to show gives "—".
 */
final class SectionFields {
  private SectionFields() {}

  static String pnlSummary(LiveStatus s) {
    if (s == null) {
      return NONE;
    }
    return "Daily " + yen(s.dailyPnl()) + "\nTotal " + yen(s.accumulatedPnl())
        + "\nGoal " + yen(s.monthlyGoal()) + " · " + percent(s.goalProgress())
        + "\nRemaining " + goalRemaining(s);
  }

  /**
   * What is left to the monthly goal, as the old bot's {@code goal} showed it: the goal less the
   * share of it the engine reports as reached ({@code goal_progress}, a percentage), so it agrees
   * with the percentage shown next to it; "reached" once nothing is left.
   */
  static String goalRemaining(LiveStatus s) {
    if (s.monthlyGoal() == null || s.goalProgress() == null) {
      return NONE;
    }
    BigDecimal left = s.monthlyGoal().multiply(BigDecimal.ONE.subtract(s.goalProgress().movePointLeft(2)));
    return left.signum() <= 0 ? "reached ✅" : yen(left);
  }

  /** Trades the engine needs before it leaves warmup for full mode (the old bot's 50). */
  static final long FULL_MODE_TRADES = 50;
  private static final int BAR_CELLS = 10;

  /**
   * The old bot's {@code progress}: trades toward full mode as a bar, {@code ▓▓▓▓▓▓▓░░░ 37/50 ·
   * 13 trades until full mode}, or {@code full mode} once warmup is complete or 50 are done.
   */
  static String warmupBar(LiveStatus s) {
    BigInteger total = s.totalTrades();
    if (total == null) {
      return NONE;
    }
    // Beyond a long it is far past full mode anyway: clamp before narrowing.
    long trades = total.max(BigInteger.ZERO).min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    long done = Math.min(trades, FULL_MODE_TRADES);
    int filled = (int) (done * BAR_CELLS / FULL_MODE_TRADES);
    String bar = "▓".repeat(filled) + "░".repeat(BAR_CELLS - filled) + " " + done + "/" + FULL_MODE_TRADES;
    if (Boolean.TRUE.equals(s.warmupComplete()) || trades >= FULL_MODE_TRADES) {
      return bar + " · full mode";
    }
    long left = FULL_MODE_TRADES - trades;
    return bar + " · " + left + (left == 1 ? " trade" : " trades") + " until full mode";
  }

  static String marketSummary(LiveStatus s) {
    if (s == null) {
      return NONE;
    }
    return text(s.regime()) + " · vol " + text(s.volatility())
        + "\nLeader " + text(s.leader()) + "\nDanger " + count(s.dangerLevel());
  }

  static String warmupSummary(LiveStatus s) {
    if (s == null) {
      return NONE;
    }
    String done = s.warmupComplete() == null ? NONE : s.warmupComplete() ? "complete" : "warming up";
    return percent(s.warmupProgress()) + " · " + done + "\nTrades " + count(s.totalTrades())
        + "\n" + warmupBar(s);
  }

  static String systemSummary(SystemMetrics s) {
    if (s == null) {
      return NONE;
    }
    return "Uptime " + uptime(s.uptimeSeconds()) + " · Heap " + Formats.megabytes(s.heapUsedMb())
        + " · Strategies " + count(s.strategyCount());
  }

  static String backtestSummary(BacktestCache s) {
    if (s == null) {
      return NONE;
    }
    StringBuilder b = new StringBuilder(count(s.entryCount()) + " entries");
    if (s.newest() != null) {
      b.append(" · newest ").append(s.newest().name()).append(' ')
          .append(Formats.relative(s.newest().timestamp()));
    }
    List<Strategy> top = s.topBySharpe();
    for (int i = 0; i < Math.min(3, top.size()); i++) {
      Strategy st = top.get(i);
      b.append('\n').append(i + 1).append(". ").append(st.name()).append(" · sharpe ");
      List<BacktestEntry> runs = st.runs();
      for (int r = 0; r < runs.size(); r++) {
        String label = Strategy.label(runs.get(r));
        b.append(r == 0 ? "" : " / ").append(label.isEmpty() ? "" : label + " ")
            .append(number(runs.get(r).sharpe(), 2));
      }
    }
    return b.toString();
  }

  static List<Field> pnl(LiveStatus s) {
    return s == null ? List.of() : List.of(
        inline("Daily PnL", yen(s.dailyPnl())),
        inline("Accumulated PnL", yen(s.accumulatedPnl())),
        inline("Monthly goal", yen(s.monthlyGoal())),
        inline("Goal progress", percent(s.goalProgress())),
        inline("Remaining to goal", goalRemaining(s)));
  }

  static List<Field> market(LiveStatus s) {
    if (s == null) {
      return List.of();
    }
    List<Field> out = new ArrayList<>(List.of(
        inline("Regime", text(s.regime())),
        inline("Volatility", text(s.volatility())),
        inline("Leader", text(s.leader())),
        inline("Danger level", count(s.dangerLevel())),
        inline("Ecosystem health", number(s.ecosystemHealth(), 1)),
        inline("Tick age", tickAge(s.tickAgeSecs())),
        inline("Guardian heartbeat", heartbeat(s.lastGuardianHeartbeat()))));
    out.addAll(others(s.unknown()));
    return out;
  }

  static List<Field> warmup(LiveStatus s) {
    return s == null ? List.of() : List.of(
        inline("Warmup progress", percent(s.warmupProgress())),
        inline("Warmup complete", Formats.yesNo(s.warmupComplete())),
        inline("Total trades", count(s.totalTrades())),
        new Field("Toward full mode", warmupBar(s), false));
  }

  static String botSummary(BotFigures b) {
    return "Relay queue " + b.queueLength() + " · dead webhooks " + b.deadWebhooks()
        + "\nDelivery p95 " + p95(b) + "\nUptime " + Formats.age(b.uptime())
        + " · Heap " + Formats.megabytes(BigDecimal.valueOf(b.heapUsedBytes() / (1024.0 * 1024)));
  }

  static List<Field> bot(BotFigures b) {
    return List.of(
        inline("Relay queue (bot)", String.valueOf(b.queueLength())),
        inline("Dead webhooks (bot)", String.valueOf(b.deadWebhooks())),
        inline("Delivery p95 (bot)", p95(b)),
        inline("Uptime (bot)", Formats.age(b.uptime())),
        inline("Heap used (bot)", Formats.megabytes(BigDecimal.valueOf(b.heapUsedBytes() / (1024.0 * 1024)))));
  }

  private static String p95(BotFigures b) {
    return b.deliveryP95() == null ? NONE : b.deliveryP95().toMillis() + " ms";
  }

  static List<Field> system(SystemMetrics s) {
    if (s == null) {
      return List.of();
    }
    List<Field> out = new ArrayList<>(List.of(
        inline("Uptime", uptime(s.uptimeSeconds())),
        inline("Heap used", Formats.megabytes(s.heapUsedMb())
            + (s.heapUsedBytes() == null ? "" : "\n" + count(s.heapUsedBytes()) + " bytes")),
        inline("Strategies", count(s.strategyCount()))));
    out.addAll(others(s.unknown()));
    return out;
  }

  static List<Field> backtest(BacktestCache s) {
    if (s == null) {
      return List.of();
    }
    List<Field> out = new ArrayList<>();
    out.add(inline("Entries", count(s.entryCount())
        + (s.skippedEntries() > 0 ? "\n" + count(s.skippedEntries()) + " unreadable" : "")));
    out.add(inline("Newest entry", s.newest() == null ? NONE
        : s.newest().name() + "\n" + Formats.when(s.newest().timestamp())));
    out.add(new Field("Top by sharpe", topStrategies(s.topBySharpe()), false));
    return out;
  }

  /**
   * One block per strategy, its runs labelled. Whole strategies only: when the next one would not
   * fit in a field, the list ends with how many were left out (a strategy with three runs takes
   * about 250 characters, so ten of them do not fit in Discord's 1024).
   */
  private static String topStrategies(List<Strategy> strategies) {
    StringBuilder top = new StringBuilder();
    for (int i = 0; i < strategies.size(); i++) {
      Strategy st = strategies.get(i);
      StringBuilder block = new StringBuilder().append(i + 1).append(". **").append(st.name()).append("**");
      List<BacktestEntry> runs = st.runs();
      for (BacktestEntry e : runs) {
        block.append(runs.size() == 1 ? " " : "\n  ").append(labelled(e, figures(e)));
      }
      String more = "\n+" + (strategies.size() - i) + " more";
      if (i > 0 && top.length() + 1 + block.length() > DiscordLimits.FIELD_VALUE - more.length()) {
        return top.append(more).toString();
      }
      top.append(i == 0 ? "" : "\n").append(block);
    }
    return top.length() == 0 ? NONE : top.toString();
  }

  /** One run's figures: {@code sharpe 1.23 · PF 1.80 · 42 trades · win 55.0% · DD 12.0% · ¥15,235}. */
  private static String figures(BacktestEntry e) {
    return "sharpe " + number(e.sharpe(), 2) + " · PF " + number(e.profitFactor(), 2)
        + " · " + count(e.trades()) + " trades · win "
        + percent(e.winRate() == null ? null : e.winRate() * 100)
        + " · DD " + percent(e.maxDrawdown() == null ? null : e.maxDrawdown() * 100)
        + " · " + yen(e.pnl());
  }

  /** {@code text} prefixed with the run's kind ({@code IS: }, {@code OOS: }) when it has one. */
  private static String labelled(BacktestEntry run, String text) {
    String label = Strategy.label(run);
    return label.isEmpty() ? text : label + ": " + text;
  }

  /** The guardian's last heartbeat: its time, or "none yet" at cold start (never 1900). */
  private static String heartbeat(Sighting<Instant> s) {
    if (s == null) {
      return NONE;
    }
    return s instanceof Sighting.Seen<Instant> seen ? Formats.when(seen.value()) : NONE_YET;
  }

  private static String tickAge(Sighting<BigInteger> s) {
    if (s == null) {
      return NONE;
    }
    return s instanceof Sighting.Seen<BigInteger> seen ? count(seen.value()) + "s" : NONE_YET;
  }

  /** Fields this version does not know, shown as the file has them. */
  private static List<Field> others(Map<String, Object> unknown) {
    List<Field> out = new ArrayList<>();
    unknown.forEach((k, v) -> out.add(inline(k, plain(v))));
    return out;
  }

  private static String plain(Object v) {
    if (v == null) {
      return NONE;
    }
    if (v instanceof Double d) {
      return number(d, 2);
    }
    if (v instanceof Long l) {
      return count(l);
    }
    if (v instanceof BigInteger b) {
      return count(b);
    }
    return text(String.valueOf(v));
  }

  private static String uptime(BigInteger seconds) {
    if (seconds == null) {
      return NONE;
    }
    return seconds.bitLength() < 40 ? Formats.age(Duration.ofSeconds(seconds.longValue()))
        : count(seconds) + "s";
  }

  private static Field inline(String name, String value) {
    return new Field(name, value, true);
  }
}
