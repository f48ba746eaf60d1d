package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.PanelPolicy.ChartEdit;
import dev.swimmy.bot.core.discord.PanelPolicy.ChartOnPanel;
import dev.swimmy.bot.core.discord.PanelPolicy.Failure;
import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.render.Message;
import java.util.Optional;

/** The channel the status panel lives in, as the publisher needs it; blocking calls. */
interface PanelChannel {
  /** A message as Discord confirmed it: its id, and the chart file it now carries. */
  record Written(long messageId, ChartOnPanel chart) {}

  /** Posts a new message, with {@code chart} as its file when present. */
  Written post(Message m, Optional<ChartImage> chart) throws PanelException;

  /** Edits message {@code id}; {@code files} says what becomes of its chart file. */
  Written edit(long id, Message m, ChartEdit files, Optional<ChartImage> chart) throws PanelException;

  /** Checks that the message still exists. */
  void verify(long id) throws PanelException;

  void delete(long id) throws PanelException;

  /** A refused or failed call, classified for {@code PanelPolicy}. */
  final class PanelException extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Failure failure;

    PanelException(Failure failure, String message, Throwable cause) {
      super(message, cause);
      this.failure = failure;
    }
  }
}
