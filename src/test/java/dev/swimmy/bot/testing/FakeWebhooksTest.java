package dev.swimmy.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake's webhook endpoint over plain HTTP, with a manual clock driving its buckets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FakeWebhooksTest {
  private static final String EMBED = "{\"embeds\":[{\"title\":\"fill\",\"description\":\"ok\"}]}";

  private final ManualClock clock = new ManualClock(Instant.parse("2025-01-02T03:04:05Z"));
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private FakeDiscord fake;
  private FakeWebhook hook;

  /** A clock that moves only when told to. */
  static final class ManualClock implements InstantSource {
    private volatile Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }
  }

  @BeforeEach
  void startFake() throws IOException {
    fake = new FakeDiscord(clock).start();
    hook = fake.webhook("900000000000000001", "hook-token-1");
  }

  @AfterEach
  void stopFake() throws IOException {
    fake.close();
  }

  private HttpResponse<String> post(String url, String json) throws Exception {
    return post(url, json, Duration.ofSeconds(10));
  }

  private HttpResponse<String> post(String url, String json, Duration timeout) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return DiscordJson.MAPPER.readTree(response.body());
  }

  @Test
  void webhookWithinItsBucket_answers204WithDiscordsRateLimitHeaders() throws Exception {
    HttpResponse<String> first = post(hook.url(), "{\"content\":\"hello\"}");
    HttpResponse<String> second = post(hook.url(), "{\"content\":\"again\"}");

    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("5");
    assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
    assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue("3");
    assertThat(first.headers().firstValue("X-RateLimit-Reset"))
        .hasValue((clock.instant().getEpochSecond() + 2) + ".000");
    assertThat(first.headers().firstValue("X-RateLimit-Reset-After")).hasValue("2.000");
    assertThat(first.headers().firstValue("X-RateLimit-Bucket")).isPresent();
    assertThat(hook.received()).extracting(b -> b.path("content").asText()).containsExactly("hello", "again");
  }

  @Test
  void waitTrue_answers200WithTheCreatedMessageAndItsId() throws Exception {
    HttpResponse<String> response = post(hook.url() + "?wait=true", "{\"content\":\"hello\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("id").asText()).isNotBlank();
    assertThat(json(response).path("content").asText()).isEqualTo("hello");
  }

  @Test
  void rateLimitedWebhook_answers429WithRetryAfter_andCountsTheRequestInsideTheAnnouncedWait()
      throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(post(hook.url(), EMBED).statusCode()).isEqualTo(204);
    }
    clock.advance(Duration.ofMillis(766));

    HttpResponse<String> limited = post(hook.url(), EMBED);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(limited.headers().firstValue("X-RateLimit-Scope")).hasValue("user");
    assertThat(json(limited).path("retry_after").asDouble()).isEqualTo(1.234);
    assertThat(json(limited).path("global").asBoolean()).isFalse();
    assertThat(json(limited).path("message").asText()).isEqualTo("You are being rate limited.");
    assertThat(hook.requestsInsideAnnouncedWait()).isEqualTo(1);
    assertThat(fake.requestsInsideAnnouncedWait()).isEqualTo(1);
  }

  @Test
  void senderThatWaitsForTheAnnouncedReset_isNeverCountedInsideAWait() throws Exception {
    for (int i = 0; i < 5; i++) {
      post(hook.url(), EMBED);
    }
    clock.advance(Duration.ofSeconds(2));

    HttpResponse<String> next = post(hook.url(), EMBED);

    assertThat(next.statusCode()).isEqualTo(204);
    assertThat(next.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
    assertThat(fake.requestsInsideAnnouncedWait()).isZero();
  }

  @Test
  void webhooksSharingABucket_exhaustItTogether() throws Exception {
    FakeWebhook other = fake.webhook("900000000000000002", "hook-token-2").shareBucketWith(hook);
    for (int i = 0; i < 5; i++) {
      post((i % 2 == 0 ? hook : other).url(), EMBED);
    }

    HttpResponse<String> limited = post(other.url(), EMBED);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("X-RateLimit-Bucket"))
        .isEqualTo(post(hook.url(), EMBED).headers().firstValue("X-RateLimit-Bucket"));
  }

  @Test
  void unknownWebhook_answers404WithCode10015_andWrongToken401WithCode50027() throws Exception {
    HttpResponse<String> unknown = post(fake.apiBaseUrl() + "/webhooks/123/abc", EMBED);
    HttpResponse<String> wrongToken = post(fake.apiBaseUrl() + "/webhooks/" + hook.id() + "/nope", EMBED);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("code").asInt()).isEqualTo(10015);
    assertThat(json(unknown).path("message").asText()).isEqualTo("Unknown Webhook");
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(json(wrongToken).path("code").asInt()).isEqualTo(50027);
  }

  @Test
  void scriptedFaults_areAnsweredInOrder_thenTheWebhookWorksAgain() throws Exception {
    hook.faults().next(Fault.UNKNOWN_WEBHOOK, Fault.INVALID_WEBHOOK_TOKEN, Fault.MISSING_PERMISSIONS,
        Fault.INVALID_FORM_BODY, Fault.SERVER_ERROR, Fault.BAD_GATEWAY, Fault.SERVICE_UNAVAILABLE);

    int[] statuses = new int[8];
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = post(hook.url(), EMBED).statusCode();
    }

    assertThat(statuses).containsExactly(404, 401, 403, 400, 500, 502, 503, 204);
    assertThat(hook.received()).hasSize(1);
  }

  @Test
  void invalidFormBodyFault_carriesDiscordsErrorsObject() throws Exception {
    hook.faults().next(Fault.INVALID_FORM_BODY);

    JsonNode body = json(post(hook.url(), EMBED));

    assertThat(body.path("code").asInt()).isEqualTo(50035);
    assertThat(body.path("errors").isObject()).isTrue();
  }

  @Test
  void alwaysFault_persistsUntilCleared() throws Exception {
    fake.faults(hook.id()).always(Fault.UNKNOWN_WEBHOOK);

    assertThat(post(hook.url(), EMBED).statusCode()).isEqualTo(404);
    assertThat(post(hook.url(), EMBED).statusCode()).isEqualTo(404);
    hook.faults().clear();
    assertThat(post(hook.url(), EMBED).statusCode()).isEqualTo(204);
  }

  @Test
  void cloudflareRateLimit_answers429WithHtmlAndOnlyARetryAfterHeader() throws Exception {
    hook.faults().next(Fault.cloudflareRateLimit(Duration.ofSeconds(30)));

    HttpResponse<String> response = post(hook.url(), EMBED);

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.body()).startsWith("<!DOCTYPE html>");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
    assertThat(response.headers().firstValue("X-RateLimit-Bucket")).isEmpty();
    post(hook.url(), EMBED);
    assertThat(hook.requestsInsideAnnouncedWait()).isEqualTo(1);
  }

  @Test
  void globalRateLimit_answersGlobal429_andHoldsEveryWebhookUntilItEnds() throws Exception {
    FakeWebhook other = fake.webhook("900000000000000003", "hook-token-3");
    hook.faults().next(Fault.globalRateLimit(Duration.ofMillis(1500)));

    HttpResponse<String> global = post(hook.url(), EMBED);
    HttpResponse<String> otherDuringWait = post(other.url(), EMBED);
    clock.advance(Duration.ofMillis(1500));
    HttpResponse<String> otherAfterWait = post(other.url(), EMBED);

    assertThat(global.statusCode()).isEqualTo(429);
    assertThat(json(global).path("global").asBoolean()).isTrue();
    assertThat(json(global).path("retry_after").asDouble()).isEqualTo(1.5);
    assertThat(global.headers().firstValue("X-RateLimit-Global")).hasValue("true");
    assertThat(global.headers().firstValue("X-RateLimit-Scope")).hasValue("global");
    assertThat(otherDuringWait.statusCode()).isEqualTo(429);
    assertThat(otherAfterWait.statusCode()).isEqualTo(204);
    assertThat(other.requestsInsideAnnouncedWait()).isEqualTo(1);
  }

  @Test
  void hangingWebhook_givesNoAnswer_untilTheClientTimesOut() {
    hook.faults().next(Fault.HANG);

    assertThatThrownBy(() -> post(hook.url(), EMBED, Duration.ofMillis(500)))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void hangingRequest_isReleasedWhenTheFakeCloses() throws Exception {
    hook.faults().next(Fault.HANG);
    CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
        HttpRequest.newBuilder(URI.create(hook.url())).POST(HttpRequest.BodyPublishers.ofString(EMBED)).build(),
        HttpResponse.BodyHandlers.ofString());
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hook.requests().size() == 1);

    fake.close();

    assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
  }

  @Test
  void droppedConnection_failsTheRequestWithAnIOException() {
    hook.faults().next(Fault.DROP_CONNECTION);

    assertThatThrownBy(() -> post(hook.url(), EMBED)).isInstanceOf(IOException.class);
    assertThat(hook.requests()).hasSize(1);
  }

  @Test
  void oversizedEmbedDescription_isRejectedWithInvalidFormBody() throws Exception {
    String description = "x".repeat(4097);

    HttpResponse<String> response = post(hook.url(),
        "{\"embeds\":[{\"description\":\"" + description + "\"}]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asInt()).isEqualTo(50035);
    assertThat(json(response).at("/errors/embeds/0/description/_errors/0/code").asText())
        .isEqualTo("BASE_TYPE_MAX_LENGTH");
    assertThat(hook.received()).isEmpty();
  }

  @Test
  void embedsOverSixThousandCharactersInAll_areRejected() throws Exception {
    String big = "{\"title\":\"t\",\"description\":\"" + "y".repeat(4000) + "\"}";

    HttpResponse<String> response = post(hook.url(), "{\"embeds\":[" + big + "," + big + "]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/errors/embeds/_errors/0/code").asText()).isEqualTo("MAX_EMBED_SIZE_EXCEEDED");
  }

  @Test
  void tooManyEmbedsOrFields_andLongContent_areRejected() throws Exception {
    String elevenEmbeds = "{\"embeds\":[" + String.join(",", java.util.Collections.nCopies(11, "{\"title\":\"a\"}")) + "]}";
    String field = "{\"name\":\"n\",\"value\":\"v\"}";
    String twentySixFields = "{\"embeds\":[{\"fields\":[" + String.join(",", java.util.Collections.nCopies(26, field)) + "]}]}";
    String longContent = "{\"content\":\"" + "z".repeat(2001) + "\"}";

    assertThat(post(hook.url(), elevenEmbeds).statusCode()).isEqualTo(400);
    assertThat(post(hook.url(), twentySixFields).statusCode()).isEqualTo(400);
    clock.advance(Duration.ofSeconds(2));
    assertThat(post(hook.url(), longContent).statusCode()).isEqualTo(400);
  }

  @Test
  void emptyMessage_isRejectedAsDiscordDoes() throws Exception {
    HttpResponse<String> response = post(hook.url(), "{\"content\":\"\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asInt()).isEqualTo(50006);
  }

  @Test
  void everyRequestIsRecorded_withTokensRedactedInItsDescription() throws Exception {
    post(hook.url(), EMBED);

    RecordedCall call = fake.requests().get(0);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.at()).isEqualTo(clock.instant());
    assertThat(call.body()).isEqualTo(EMBED);
    assertThat(call.header("Content-Type")).isEqualTo("application/json");
    assertThat(call.toString()).doesNotContain("hook-token-1").contains("/webhooks/" + hook.id() + "/***");
  }

  @Test
  void unknownBotRoute_answers404_andIsRecorded_whileAWrongBotTokenGets401() throws Exception {
    HttpRequest unknown = HttpRequest.newBuilder(URI.create(fake.apiBaseUrl() + "/guilds/1/bans"))
        .header("Authorization", "Bot " + fake.botToken()).GET().build();
    HttpRequest wrongToken = HttpRequest.newBuilder(URI.create(fake.apiBaseUrl() + "/users/@me"))
        .header("Authorization", "Bot wrong").GET().build();

    HttpResponse<String> notFound = http.send(unknown, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> unauthorized = http.send(wrongToken, HttpResponse.BodyHandlers.ofString());

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(fake.unknownRoutes()).extracting(RecordedCall::path).containsExactly("/guilds/1/bans");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(json(unauthorized).path("message").asText()).isEqualTo("401: Unauthorized");
  }
}
