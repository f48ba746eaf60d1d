package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.PanelPolicy.Failure;
import dev.swimmy.bot.core.render.Message;

/** The channel the status panel lives in, as the publisher needs it; blocking calls. */
interface PanelChannel {
  /** Posts a new message and returns its id. */
  long post(Message m) throws PanelException;

  void edit(long id, Message m) throws PanelException;

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
