package dev.swimmy.bot.core.history;

import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.MarketHours.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The market-closed stretches of a window, which every chart shades. */
public final class MarketClosed {
  /** A month of daily closures is about 40 stretches; far more means a calendar gone wrong. */
  private static final int MAX_STRETCHES = 2_000;

  private MarketClosed() {}

  /**
   * The stretches of {@code window} during which {@code hours} says the market is closed, in
   * order, cut to the window. None for {@link MarketHours#always()}.
   */
  public static List<Interval> within(MarketHours hours, Interval window) {
    List<Interval> out = new ArrayList<>();
    if (hours.isAlways() || window.isEmpty()) {
      return out;
    }
    var t = window.from();
    while (t.isBefore(window.to()) && out.size() < MAX_STRETCHES) {
      Optional<Session> s = hours.sessionAt(t);
      if (s.isEmpty()) {
        if (!hours.isOpen(t)) {
          out.add(new Interval(t, window.to()));
        }
        break;
      }
      if (!s.get().open()) {
        out.add(new Interval(t, s.get().until().isBefore(window.to()) ? s.get().until() : window.to()));
      }
      t = s.get().until();
    }
    return out;
  }
}
