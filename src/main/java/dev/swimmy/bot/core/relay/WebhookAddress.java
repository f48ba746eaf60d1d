package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.core.Secret;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Discord webhook, kept as its id and token and never as a URL: the relay sends only to
 * {@code {api-base-url}/webhooks/{id}/{token}}, so no message can make it call another address.
 * Only {@code https} URLs on Discord's hosts with the path {@code /api[/vN]/webhooks/{id}/{token}}
 * are accepted, and the bot's own HTTP intake URL ({@code http://127.0.0.1:9465/api/webhooks/{id}/{token}},
 * at the authority it listens on) as an alias of the same webhook, so a sender can be pointed at the
 * bot in one place. {@code toString} shows the id alone.
 *
 * @param id the webhook's id, a decimal snowflake
 * @param token the webhook's token, never shown
 */
public record WebhookAddress(String id, Secret token) {
  private static final Set<String> HOSTS =
      Set.of(
          "discord.com",
          "ptb.discord.com",
          "canary.discord.com",
          "discordapp.com",
          "ptb.discordapp.com",
          "canary.discordapp.com");
  private static final Pattern URL =
      Pattern.compile(
          "https://([A-Za-z0-9.-]+)(?::443)?/api(?:/v\\d{1,2})?/webhooks/(\\d{1,20})/([A-Za-z0-9_-]{1,128})/?");
  private static final Pattern PROXY_URL =
      Pattern.compile(
          "http://([A-Za-z0-9.:\\[\\]-]+)/api(?:/v\\d{1,2})?/webhooks/(\\d{1,20})/([A-Za-z0-9_-]{1,128})/?");
  private static final Pattern ID = Pattern.compile("\\d{1,20}");

  public WebhookAddress {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a webhook id is a decimal snowflake");
    }
  }

  /** The webhook of a Discord webhook URL, or empty if the text is anything else. */
  public static Optional<WebhookAddress> parse(String url) {
    Matcher m = URL.matcher(url.strip());
    if (!m.matches() || !HOSTS.contains(m.group(1).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(new WebhookAddress(m.group(2), new Secret(m.group(3))));
  }

  /**
   * As {@link #parse(String)}, also accepting {@code http://AUTHORITY/api[/vN]/webhooks/{id}/{token}}
   * for an authority ({@code host:port}, lower case) in {@code proxyAuthorities}: the bot's own
   * HTTP intake. Any other address is still refused.
   */
  public static Optional<WebhookAddress> parse(String url, Set<String> proxyAuthorities) {
    Optional<WebhookAddress> discord = parse(url);
    if (discord.isPresent() || proxyAuthorities.isEmpty()) {
      return discord;
    }
    Matcher m = PROXY_URL.matcher(url.strip());
    if (!m.matches() || !proxyAuthorities.contains(m.group(1).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(new WebhookAddress(m.group(2), new Secret(m.group(3))));
  }

  /** The path below the API base URL that this webhook is executed at. */
  public String path() {
    return "/webhooks/" + id + "/" + token.reveal();
  }

  @Override
  public String toString() {
    return "webhook " + id;
  }
}
