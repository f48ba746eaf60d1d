package dev.swimmy.bot.app.config;

/** A configuration problem, with the key (or environment variable) it concerns in the message. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
  }
}
