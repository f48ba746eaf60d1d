package dev.swimmy.bot.core.render;

import dev.swimmy.bot.core.status.Issue;
import dev.swimmy.bot.core.status.SourceReport;
import dev.swimmy.bot.core.status.SourceState;

/** The at-a-glance mark of a state: an emoji, a word, and the embed colour it sets. */
public final class Badge {
  /** Grey, for a block whose state is neutral; an overview never takes it (see StatusBoard#worst). */
  static final int NEUTRAL = 0x95A5A6;

  private Badge() {}

  /** {@code 🟢 OK}, {@code 🟠 STALE}, {@code 🔴 PARSE ERROR}, {@code 🟣 SCHEMA v3≠v2}, ... */
  public static String of(SourceReport r) {
    if (r.state() == SourceState.SCHEMA_MISMATCH && r.issue() instanceof Issue.SchemaMismatch m) {
      return "🟣 SCHEMA " + m.foundText() + "≠v" + m.expected();
    }
    return of(r.state());
  }

  /** The emoji and word of {@code s}, e.g. {@code 🟠 STALE}. */
  public static String of(SourceState s) {
    return switch (s) {
      case OK -> "🟢 OK";
      case MARKET_CLOSED -> "⚪ MARKET CLOSED";
      case NOT_WRITTEN -> "⚪ NOT WRITTEN";
      case CLOCK_SKEW -> "🔵 CLOCK SKEW";
      case STALE -> "🟠 STALE";
      case SCHEMA_MISMATCH -> "🟣 SCHEMA MISMATCH";
      case PARSE_ERROR -> "🔴 PARSE ERROR";
      case MISSING -> "⚫ MISSING";
    };
  }

  /** The embed colour ({@code 0xRRGGBB}) of {@code s}; neutral states are grey. */
  public static int colour(SourceState s) {
    return switch (s) {
      case OK -> 0x2ECC71;
      case MARKET_CLOSED, NOT_WRITTEN -> NEUTRAL;
      case CLOCK_SKEW -> 0x3498DB;
      case STALE -> 0xE67E22;
      case SCHEMA_MISMATCH -> 0x9B59B6;
      case PARSE_ERROR -> 0xE74C3C;
      case MISSING -> 0x992D22;
    };
  }
}
