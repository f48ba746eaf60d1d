package dev.swimmy.bot.testing;

/** An interaction the fake dispatched over the gateway; wait for its callback by {@code id}. */
public record InjectedInteraction(String id, String token, String channelId) {
  @Override
  public String toString() {
    return "InjectedInteraction[id=" + id + ", channelId=" + channelId + "]";
  }
}
