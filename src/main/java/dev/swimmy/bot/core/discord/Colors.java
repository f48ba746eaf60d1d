package dev.swimmy.bot.core.discord;

/** The few embed colours the bot uses, so meaning stays consistent across views. */
public final class Colors {
  public static final int OK = 0x2ECC71;
  public static final int WARN = 0xF1C40F;
  public static final int BAD = 0xE74C3C;
  public static final int INFO = 0x3498DB;

  private Colors() {}
}
