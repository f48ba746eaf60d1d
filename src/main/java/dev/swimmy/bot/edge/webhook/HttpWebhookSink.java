package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.SinkOutcome;
import dev.swimmy.bot.core.relay.WebhookAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Discord's execute-webhook call over the JDK's {@link HttpClient}: {@code POST
 * {api-base-url}/webhooks/{id}/{token}?wait=true}, so a 2xx means Discord stored the message. One
 * client (and its connection pool) for all lanes; connect and whole-request timeouts, so a hung
 * Discord costs a lane at most the request timeout. Exception texts are reduced to their class and
 * message with the token masked: the URL carries the token and must not reach a log.
 */
public final class HttpWebhookSink implements WebhookSink {
  /** Discord asks for {@code DiscordBot ($url, $versionNumber)}. */
  public static final String USER_AGENT = "DiscordBot (https://github.com/swimmy/swimmy-bot, 0.1.0)";

  private final HttpClient client;
  private final String apiBase;
  private final Duration requestTimeout;

  public HttpWebhookSink(URI apiBaseUrl, Duration connectTimeout, Duration requestTimeout) {
    String base = apiBaseUrl.toString();
    this.apiBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.requestTimeout = requestTimeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Production defaults: 5 s to connect, 15 s for the whole request. */
  public static HttpWebhookSink forDiscord(URI apiBaseUrl) {
    return new HttpWebhookSink(apiBaseUrl, Duration.ofSeconds(5), Duration.ofSeconds(15));
  }

  @Override
  public SinkOutcome post(WebhookAddress webhook, String payloadJson) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(apiBase + webhook.path() + "?wait=true"))
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("User-Agent", USER_AGENT)
        .POST(HttpRequest.BodyPublishers.ofString(payloadJson, StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new SinkOutcome.Replied(response.statusCode(), response.headers().map(), response.body());
    } catch (HttpConnectTimeoutException e) {
      return new SinkOutcome.Failed(SinkOutcome.Kind.TIMEOUT, "connect timed out");
    } catch (HttpTimeoutException e) {
      return new SinkOutcome.Failed(SinkOutcome.Kind.TIMEOUT, "request timed out");
    } catch (IOException e) {
      return new SinkOutcome.Failed(SinkOutcome.Kind.NETWORK, redact(e, webhook));
    }
  }

  static String redact(Throwable e, WebhookAddress webhook) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.replace(webhook.token().reveal(), "****");
  }
}
