package dev.swimmy.bot.core.relay;

import java.util.Locale;

/** Where a notification came in: the engine's ZeroMQ PUSH, or a webhook call over HTTP. */
public enum Intake {
  /** The engine's ZeroMQ PUSH. */
  ZMQ,
  /** A webhook call to the bot's HTTP intake. */
  HTTP;

  /** The {@code intake} metric label and spool value: {@code zmq}, {@code http}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The intake of a stored label; anything unknown was written before there were two. */
  public static Intake ofLabel(String label) {
    return "http".equals(label) ? HTTP : ZMQ;
  }
}
