package dev.swimmy.bot.edge.webhook;

import dev.swimmy.bot.core.relay.SinkOutcome;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.core.relay.WebhookSink;
import dev.swimmy.bot.core.relay.Attachment;
import dev.swimmy.bot.core.relay.MessageExtras;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
    return post(webhook, payloadJson, MessageExtras.ZMQ);
  }

  /**
   * With files the body is {@code multipart/form-data}: the {@code payload_json} part, then one
   * {@code files[n]} part per file under the caller's {@code n}, as Discord documents it.
   */
  @Override
  public SinkOutcome post(WebhookAddress webhook, String payloadJson, MessageExtras extras)
      throws InterruptedException {
    String query = "?wait=true" + extras.threadId().map(t -> "&thread_id=" + t).orElse("");
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(apiBase + webhook.path() + query))
        .timeout(requestTimeout)
        .header("User-Agent", USER_AGENT);
    if (extras.attachments().isEmpty()) {
      builder.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(payloadJson, StandardCharsets.UTF_8));
    } else {
      String boundary = "swimmy-" + UUID.randomUUID();
      builder.header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, payloadJson, extras.attachments())));
    }
    HttpRequest request = builder.build();
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

  static byte[] multipart(String boundary, String payloadJson, List<Attachment> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part(out, boundary, "form-data; name=\"payload_json\"", "application/json",
        payloadJson.getBytes(StandardCharsets.UTF_8));
    for (Attachment a : files) {
      part(out, boundary, "form-data; name=\"files[" + a.index() + "]\"; filename=\"" + quoted(a.filename()) + "\"",
          a.contentType(), a.data());
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static void part(ByteArrayOutputStream out, String boundary, String disposition, String type, byte[] data) {
    String head = "--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + type + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(data);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** A file name inside a quoted header value: quotes, backslashes and line breaks cannot break out. */
  private static String quoted(String filename) {
    return filename.replaceAll("[\"\\\\\r\n]", "_");
  }

  static String redact(Throwable e, WebhookAddress webhook) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.replace(webhook.token().reveal(), "****");
  }
}
