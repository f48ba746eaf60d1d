package dev.swimmy.bot.app;

/** Entry point of the swimmy-bot daemon and its command-line tools. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("swimmy-bot");
  }
}
