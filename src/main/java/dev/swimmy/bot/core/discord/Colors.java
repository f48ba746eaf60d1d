package dev.swimmy.bot.core.discord;

/** The few embed colours the bot uses, so meaning stays consistent across views. */
public final class Colors {
  /** Green: all well, or a recovery. */
  public static final int OK = 0x2ECC71;
  /** Yellow: worth a look. */
  public static final int WARN = 0xF1C40F;
  /** Red: something is broken. */
  public static final int BAD = 0xE74C3C;
  /** Blue: for information. */
  public static final int INFO = 0x3498DB;

  private Colors() {}
}
