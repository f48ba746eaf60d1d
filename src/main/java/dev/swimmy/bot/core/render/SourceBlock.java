package dev.swimmy.bot.core.render;

import static dev.swimmy.bot.core.render.Formats.age;
import static dev.swimmy.bot.core.render.Formats.when;

import dev.swimmy.bot.core.status.Issue;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.SourceState;
import java.time.Duration;

/**
 * The block that heads every source: its badge, its own time as JST clock time plus Discord's
 * live relative markup, and for a broken, mismatched or missing file what went wrong and which
 * last good snapshot (own time and age) is shown instead. Never the render time.
 */
final class SourceBlock {
  private SourceBlock() {}

  /** The block with its badge first, for a place where the badge is not already shown. */
  static String of(SourceReport r) {
    return Badge.of(r) + " · " + detail(r);
  }

  /** The block without the badge, for a field whose name carries it. */
  static String detail(SourceReport r) {
    return switch (r.state()) {
      case OK, STALE, CLOCK_SKEW -> ownTime(r) + marketNote(r);
      case MARKET_CLOSED -> ownTime(r) + "\nMarket closed " + Formats.relative(r.market().since())
          + "; reopens " + Formats.relative(r.market().until()) + " (" + Formats.jst(r.market().until())
          + ")";
      case NOT_WRITTEN -> "Not written by the engine (optional source).";
      default -> r.problem().map(SourceBlock::issue).orElse("") + "\n" + lastGood(r);
    };
  }

  private static String ownTime(SourceReport r) {
    Snapshot s = r.shown();
    Duration age = r.age().orElseThrow();
    String line = when(s.ownTime());
    if (r.state() == SourceState.CLOCK_SKEW) {
      line += " (" + age(age.negated()) + " ahead of this machine's clock)";
    } else if (r.state() == SourceState.STALE) {
      line += " (" + age(age) + " old; stale after " + age(r.staleAfter()) + ")";
    } else {
      line += " (" + age(age) + " old)";
    }
    return line + mtimeNote(s);
  }

  /**
   * After an open, a file written before it: staleness counts from the open. Says so, with when it
   * turns stale, so an old time next to a green badge is not a puzzle. While closed, a STALE file
   * says that it was stale before the close (why it is not MARKET CLOSED).
   */
  private static String marketNote(SourceReport r) {
    MarketHours.Session m = r.market();
    if (m != null && !m.open() && r.state() == SourceState.STALE) {
      return "\nMarket closed " + Formats.relative(m.since()) + ", but this was already stale then;"
          + " reopens " + Formats.relative(m.until());
    }
    if (m == null || !m.open() || r.shown() == null || !r.shown().ownTime().isBefore(m.since())) {
      return "";
    }
    String note = "\nMarket reopened " + Formats.relative(m.since()) + "; no write since the open";
    if (r.state() == SourceState.OK) {
      note += " (stale " + Formats.relative(m.since().plus(r.staleAfter())) + ")";
    }
    return note;
  }

  private static String lastGood(SourceReport r) {
    if (r.shown() == null) {
      return "No good read yet: no values to show.";
    }
    Duration age = r.age().orElseThrow();
    String line = "Showing last good: " + when(r.shown().ownTime()) + " (" + age(age) + " old)";
    if (r.shownIsStale()) {
      line += ", itself stale";
    }
    if (r.shownFromDisk()) {
      line += ", kept on disk across a restart";
    }
    return line + mtimeNote(r.shown());
  }

  private static String issue(Issue issue) {
    if (issue instanceof Issue.SchemaMismatch m) {
      return "the file has schema_version " + m.foundText() + ", this bot reads v" + m.expected();
    }
    return issue.describe();
  }

  private static String mtimeNote(Snapshot s) {
    return s instanceof Snapshot.BacktestCache c && c.ownTimeIsFileMtime()
        ? "\nNo entries: the time is the file's mtime."
        : "";
  }
}
