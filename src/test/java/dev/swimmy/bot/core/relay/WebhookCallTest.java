package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.core.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookCallTest {
  private static final WebhookAddress HOOK = new WebhookAddress("42", new Secret("tok-call"));
  private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

  private static WebhookCall.Outcome judge(Map<String, String> query, String json, List<Attachment> files) {
    return WebhookCall.judge(HOOK, query, Optional.ofNullable(json), files, T0);
  }

  private static JsonNode refusal(WebhookCall.Outcome o) {
    assertThat(o).isInstanceOf(WebhookCall.Refused.class);
    return ((WebhookCall.Refused) o).refusal().body();
  }

  @Test
  void aValidEmbed_isAcceptedAsAnHttpNotificationInCompactForm() {
    WebhookCall.Outcome o = judge(Map.of(), "{ \"embeds\": [ {\"title\": \"t\"} ] }", List.of());
    Notification n = ((WebhookCall.Accepted) o).notification();
    assertThat(n.payloadJson()).isEqualTo("{\"embeds\":[{\"title\":\"t\"}]}");
    assertThat(n.extras().intake()).isEqualTo(Intake.HTTP);
    assertThat(n.receivedAt()).isEqualTo(T0);
    assertThat(((WebhookCall.Accepted) o).waitForDiscord()).isFalse();
  }

  @Test
  void discordsLimits_areReportedAsItsFieldErrors() {
    String json = "{\"content\":\"" + "c".repeat(2001) + "\",\"embeds\":[{\"description\":\"" + "d".repeat(4097)
        + "\",\"footer\":{\"text\":\"" + "f".repeat(2049) + "\"}}]}";
    JsonNode body = refusal(judge(Map.of(), json, List.of()));
    assertThat(body.path("code").asInt()).isEqualTo(50035);
    assertThat(body.at("/errors/content/_errors/0/message").asText()).isEqualTo("Must be 2000 or fewer in length.");
    assertThat(body.at("/errors/embeds/0/description/_errors/0/code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
    assertThat(body.at("/errors/embeds/0/footer/text/_errors/0/code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
  }

  @Test
  void embedsOverSixThousandCharactersInAll_areRefusedAsDiscordDoes() {
    String embed = "{\"description\":\"" + "d".repeat(3500) + "\"}";
    JsonNode body = refusal(judge(Map.of(), "{\"embeds\":[" + embed + "," + embed + "]}", List.of()));
    assertThat(body.at("/errors/embeds/_errors/0/code").asText()).isEqualTo("MAX_EMBED_SIZE_EXCEEDED");
  }

  @Test
  void limitsCountCodePoints_soEmojiAtTheLimitPass() {
    String title = "🚨".repeat(256);
    assertThat(judge(Map.of(), "{\"embeds\":[{\"title\":\"" + title + "\"}]}", List.of()))
        .isInstanceOf(WebhookCall.Accepted.class);
  }

  @Test
  void emptyMessage_is50006_unlessItCarriesAFile() {
    assertThat(refusal(judge(Map.of(), "{\"content\":\"  \"}", List.of())).path("code").asInt()).isEqualTo(50006);
    Attachment file = new Attachment(0, "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8));
    assertThat(judge(Map.of(), null, List.of(file))).isInstanceOf(WebhookCall.Accepted.class);
  }

  @Test
  void moreThanTenFiles_areRefused() {
    List<Attachment> files = java.util.stream.IntStream.range(0, 11)
        .mapToObj(i -> new Attachment(i, "f" + i, "text/plain", new byte[] {1})).toList();
    assertThat(refusal(judge(Map.of(), "{\"content\":\"x\"}", files)).at("/errors/attachments/_errors/0/code").asText())
        .isEqualTo("BASE_TYPE_MAX_LENGTH");
  }

  @Test
  void queryParameters_asDiscordReadsThem() {
    assertThat(((WebhookCall.Accepted) judge(Map.of("wait", "True"), "{\"content\":\"x\"}", List.of()))
        .waitForDiscord()).isTrue();
    assertThat(refusal(judge(Map.of("wait", "yes"), "{\"content\":\"x\"}", List.of()))
        .at("/errors/wait/_errors/0/code").asText()).isEqualTo("BOOLEAN_TYPE_CONVERT");
    Notification inThread = ((WebhookCall.Accepted) judge(Map.of("thread_id", "123"), "{\"content\":\"x\"}", List.of()))
        .notification();
    assertThat(inThread.extras().threadId()).contains("123");
    assertThat(judge(Map.of("with_components", "false"), "{\"content\":\"x\"}", List.of()))
        .isInstanceOf(WebhookCall.Accepted.class);
  }

  @Test
  void theSameBodyWithDifferentFiles_isNotADuplicate() {
    Attachment a = new Attachment(0, "r.csv", "text/csv", "1".getBytes(StandardCharsets.UTF_8));
    Attachment b = new Attachment(0, "r.csv", "text/csv", "2".getBytes(StandardCharsets.UTF_8));
    String hashA = ((WebhookCall.Accepted) judge(Map.of(), "{\"content\":\"r\"}", List.of(a))).notification().payloadHash();
    String hashB = ((WebhookCall.Accepted) judge(Map.of(), "{\"content\":\"r\"}", List.of(b))).notification().payloadHash();
    String plain = ((WebhookCall.Accepted) judge(Map.of(), "{\"content\":\"r\"}", List.of())).notification().payloadHash();
    assertThat(hashA).isNotEqualTo(hashB).isNotEqualTo(plain);
    assertThat(plain).isEqualTo(PayloadJson.canonicalHash("{\"content\":\"r\"}"));
  }

  @Test
  void theBotsOwnUrl_isAnAliasOnlyAtItsConfiguredAuthority() {
    Set<String> own = Set.of("127.0.0.1:9465", "localhost:9465");
    assertThat(WebhookAddress.parse("http://127.0.0.1:9465/api/webhooks/42/tok-a", own))
        .contains(new WebhookAddress("42", new Secret("tok-a")));
    assertThat(WebhookAddress.parse("http://LOCALHOST:9465/api/v10/webhooks/42/tok-a", own)).isPresent();
    assertThat(WebhookAddress.parse("http://127.0.0.1:9466/api/webhooks/42/tok-a", own)).isEmpty();
    assertThat(WebhookAddress.parse("http://10.0.0.1:9465/api/webhooks/42/tok-a", own)).isEmpty();
    assertThat(WebhookAddress.parse("http://127.0.0.1:9465/api/webhooks/42/tok-a", Set.of())).isEmpty();
    assertThat(WebhookAddress.parse("https://127.0.0.1:9465/api/webhooks/42/tok-a", own)).isEmpty();
  }
}
