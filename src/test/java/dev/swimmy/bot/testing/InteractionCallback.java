package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** What the bot answered to an interaction: Discord's callback {@code type} and its {@code data}. */
public record InteractionCallback(String interactionId, int type, JsonNode data) {
  /** The {@code data.content} of a message reply, or "" if there is none. */
  public String content() {
    return data == null ? "" : data.path("content").asText("");
  }
}
