package dev.swimmy.bot.core.status;

/** A well-formed alist that still is not a usable snapshot, e.g. without its own time. */
final class UndecodableException extends Exception {
  private static final long serialVersionUID = 1L;

  UndecodableException(String message) {
    super(message);
  }
}
