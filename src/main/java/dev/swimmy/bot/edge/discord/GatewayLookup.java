package dev.swimmy.bot.edge.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.core.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session controller that asks {@code GET {api-base-url}/gateway/bot} for the gateway address.
 * JDA's default uses Discord's fixed address whatever the REST base URL is, so without this a bot
 * pointed at another API (the loopback Discord in tests, a proxy) would still dial Discord.
 * The answer is looked up on each (re)connect; on failure the last known address is used.
 */
final class GatewayLookup extends ConcurrentSessionController {
  private static final Logger log = LoggerFactory.getLogger(GatewayLookup.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI apiBase;
  private final Secret token;
  private volatile String last;

  GatewayLookup(URI apiBase, Secret token) {
    this.apiBase = apiBase;
    this.token = token;
  }

  @Override
  public String getGateway() {
    try {
      last = fetch();
    } catch (GatewayException e) {
      log.warn("gateway lookup failed ({}); using {}", e.getMessage(), last == null ? "Discord's default" : "the last known address");
    }
    return last == null ? super.getGateway() : last;
  }

  /** The gateway URL, or an exception naming the HTTP status (never the token). */
  String fetch() throws GatewayException {
    String base = apiBase.toString().replaceAll("/+$", "");
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/gateway/bot"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bot " + token.reveal())
        .GET()
        .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() == 401) {
        throw new GatewayException("Discord rejected the bot token (HTTP 401)");
      }
      if (res.statusCode() / 100 != 2) {
        throw new GatewayException("GET /gateway/bot answered HTTP " + res.statusCode());
      }
      JsonNode url = JSON.readTree(res.body()).path("url");
      if (!url.isTextual() || url.asText().isBlank()) {
        throw new GatewayException("GET /gateway/bot has no url");
      }
      return url.asText();
    } catch (IOException e) {
      throw new GatewayException("GET /gateway/bot failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException("interrupted");
    }
  }

  static final class GatewayException extends Exception {
    private static final long serialVersionUID = 1L;

    GatewayException(String message) {
      super(message);
    }
  }
}
