package dev.swimmy.bot.core.discord;

import dev.swimmy.bot.core.render.Message;

/** Somewhere an admin alert can be posted: the bot's alerts channel, or a webhook. */
public interface AlertDestination {
  /** Posts the alert; returns false when this destination cannot deliver right now (caller may fall back). */
  boolean post(Message alert);
}
