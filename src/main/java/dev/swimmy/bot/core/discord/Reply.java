package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.Message;

/** What to answer: a message, seen only by the invoking member when {@code ephemeral}. */
public record Reply(Message message, boolean ephemeral) {
  public static Reply visible(Message m) {
    return new Reply(m, false);
  }

  public static Reply ephemeral(Message m) {
    return new Reply(m, true);
  }
}
