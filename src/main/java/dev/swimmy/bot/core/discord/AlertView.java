package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Field;
import dev.swimmy.bot.core.render.DiscordLimits;
import dev.swimmy.bot.core.render.Message;
import java.time.Duration;
import java.util.List;

/** Renders an admin alert, its recovery, or a one-off event as one embed. */
public final class AlertView {
  private AlertView() {}

  /**
   * One embed for {@code event}: a raised condition with when it began, a one-off event with its
   * repeat window, or a recovery with how long the episode lasted; always within Discord's limits.
   */
  public static Message render(AlertEvent event) {
    AlertCondition c = event.condition();
    String subject = c.subject().isEmpty() ? "" : " — " + c.subject();
    if (event instanceof AlertEvent.Recovered r) {
      Field lasted = new Field("Lasted", human(Duration.between(r.since(), r.at())), true);
      return DiscordLimits.fit(Message.of(new Embed("✅ Recovered: " + c.kind().title() + subject,
          "Was: " + c.detail(), Colors.OK, List.of(lasted), "")));
    }
    AlertEvent.Raised r = (AlertEvent.Raised) event;
    if (c.kind().isEvent()) {
      return DiscordLimits.fit(Message.of(new Embed("⚠️ " + c.kind().title() + subject, c.detail(), Colors.WARN,
          List.of(), "Repeats within " + human(c.kind().quiet()) + " are not sent again")));
    }
    Field since = new Field("Since", RelayView.relative(r.since()), true);
    return DiscordLimits.fit(Message.of(new Embed("🚨 " + c.kind().title() + subject, c.detail(), Colors.BAD,
        List.of(since), "Sent once per episode; a recovery follows when it clears")));
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return (s / 60) + " min";
    }
    return (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }
}
