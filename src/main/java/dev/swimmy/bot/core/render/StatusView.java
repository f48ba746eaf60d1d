package dev.swimmy.bot.core.render;

import dev.swimmy.bot.core.status.Snapshot;
import dev.swimmy.bot.core.status.Snapshot.BacktestCache;
import dev.swimmy.bot.core.status.Snapshot.LiveStatus;
import dev.swimmy.bot.core.status.Snapshot.SystemMetrics;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.SourceState;
import dev.swimmy.bot.core.status.StatusBoard;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The {@code /status} message, as a pure function of a {@link StatusBoard}: the overview (one
 * block per source, then its values) or one section in detail. Every source block shows the
 * source's own time; the only other time, in the footer, is labelled as the render time. The
 * colour is the worst state shown. The result always fits Discord's limits ({@link
 * DiscordLimits#fit}). A neutral state (market closed, an optional file not written) never
 * colours the overview; while the engine writes no system metrics the System block shows the
 * bot's own figures, labelled as the bot's.
 */
public final class StatusView {
  static final String TITLE = "Swimmy status";
  /** The System block's name while it shows the bot's figures, not the engine's. */
  static final String BOT_FIGURES = "System (swimmy-bot's own figures)";

  private StatusView() {}

  /** The {@code /status} message for {@code section} of {@code board}, within Discord's limits. */
  public static Message render(StatusBoard board, StatusSection section) {
    Embed embed = section == StatusSection.OVERVIEW ? overview(board) : section(board, section);
    return DiscordLimits.fit(Message.of(embed));
  }

  private static Embed overview(StatusBoard board) {
    List<Field> fields = new ArrayList<>();
    SourceReport live = board.liveStatus();
    LiveStatus ls = (LiveStatus) live.shown();
    fields.add(block(live));
    fields.add(values("PnL / goal", live, SectionFields.pnlSummary(ls)));
    fields.add(values("Market", live, SectionFields.marketSummary(ls)));
    fields.add(values("Warmup", live, SectionFields.warmupSummary(ls)));
    SourceReport metrics = board.systemMetrics();
    fields.add(block(metrics));
    if (metrics.state() != SourceState.NOT_WRITTEN) {
      fields.add(values("System", metrics, SectionFields.systemSummary((SystemMetrics) metrics.shown())));
    } else if (board.bot() != null) {
      fields.add(new Field(BOT_FIGURES, SectionFields.botSummary(board.bot()), true));
    }
    SourceReport backtest = board.backtestCache();
    fields.add(block(backtest));
    fields.add(values("Backtest", backtest,
        SectionFields.backtestSummary((BacktestCache) backtest.shown())));
    return new Embed(TITLE, summary(board.reports()), Badge.colour(board.worst()), fields,
        footer(board));
  }

  private static Embed section(StatusBoard board, StatusSection section) {
    SourceId id = section.source().orElseThrow();
    SourceReport r = board.report(id);
    Snapshot s = r.shown();
    List<Field> fields = switch (section) {
      case PNL -> SectionFields.pnl((LiveStatus) s);
      case MARKET -> SectionFields.market((LiveStatus) s);
      case WARMUP -> SectionFields.warmup((LiveStatus) s);
      case SYSTEM -> r.state() == SourceState.NOT_WRITTEN && board.bot() != null
          ? SectionFields.bot(board.bot())
          : SectionFields.system((SystemMetrics) s);
      case BACKTEST -> SectionFields.backtest((BacktestCache) s);
      case OVERVIEW -> throw new IllegalArgumentException("overview has no single source");
    };
    String description = "**" + id.title() + "**" + lastGoodMark(r) + "\n" + SourceBlock.of(r);
    return new Embed(TITLE + " · " + section.title(), description, Badge.colour(r.state()),
        fields, footer(board));
  }

  /** One line of badges, so the state of all three reads at a glance. */
  private static String summary(List<SourceReport> reports) {
    StringJoiner j = new StringJoiner("\n");
    for (SourceReport r : reports) {
      j.add(Badge.of(r) + " — " + r.source().title());
    }
    return j.toString();
  }

  private static Field block(SourceReport r) {
    return new Field(r.source().title() + " · " + Badge.of(r), SourceBlock.detail(r), false);
  }

  private static Field values(String name, SourceReport r, String value) {
    return new Field(name + lastGoodMark(r), value, true);
  }

  private static String lastGoodMark(SourceReport r) {
    return r.shownIsLastGood() ? " (last good)" : "";
  }

  private static String footer(StatusBoard board) {
    return "Rendered " + Formats.jst(board.now())
        + " (render time, not data time; each block shows its source's own time)";
  }
}
