package dev.swimmy.bot.core.relay;

/** The spool could not make a change durable (disk full, read-only, locked, corrupt). */
public final class SpoolUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** {@code message} says what the spool was doing; it must not hold a webhook token. */
  public SpoolUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
