package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.core.relay.Decoded.Accepted;
import dev.swimmy.bot.core.relay.Decoded.Rejected;
import dev.swimmy.bot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every frame the engine's own senders made ({@code fixtures/engine/envelopes/}) through the
 * relay's decoder: what SBCL reads in each {@code .sexp} frame ({@code golden.jsonl}) says what it
 * must become: the webhook of its URL and, as Discord's JSON, exactly the object its {@code
 * payload_json} holds (the Lisp senders escape all non-ASCII as {@code \\uXXXX}; Python's frames
 * carry raw UTF-8 and put {@code schema_version} last). The frame without a webhook (08) is
 * rejected for that reason; the guardian's JSON frame (09) carries its payload as an object.
 */
class EngineEnvelopesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-29T04:40:00Z");
  private final EnvelopeDecoder decoder = new EnvelopeDecoder(Map.of(), 256 * 1024, "nonce-engine");

  static Stream<JsonNode> sexpFrames() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(Fixtures.path("engine/golden.jsonl"))) {
      JsonNode n = line.isBlank() ? null : JSON.readTree(line);
      if (n != null && n.get("file").asText().matches("\\d\\d-.*")) {
        out.add(n);
      }
    }
    assertThat(out).hasSize(8);
    return out.stream();
  }

  private Decoded decode(String file) {
    return decoder.decode(Fixtures.bytes("engine/envelopes/" + file), NOW);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sexpFrames")
  void everyEngineFrame_becomesWhatSbclReadsInIt(JsonNode golden) throws IOException {
    JsonNode sbcl = golden.get("value");
    Decoded d = decode(golden.get("file").asText());
    if (!sbcl.has("webhook")) {
      assertThat(d).isInstanceOfSatisfying(Rejected.class,
          r -> assertThat(r.reason()).isEqualTo(RejectReason.MISSING_WEBHOOK));
      return;
    }
    assertThat(d).isInstanceOf(Accepted.class);
    Notification n = ((Accepted) d).notification();
    String url = sbcl.get("webhook").asText();
    assertThat(n.webhook()).isEqualTo(WebhookAddress.parse(url).orElseThrow());
    assertThat(url).endsWith("/webhooks/" + n.webhook().id() + "/" + n.webhook().token().reveal());
    assertThat(JSON.readTree(n.payloadJson())).isEqualTo(JSON.readTree(sbcl.get("payload_json").asText()));
    assertThat(n.engineId()).isEmpty();
    assertThat(n.engineTime()).isEmpty();
    assertThat(n.receivedAt()).isEqualTo(NOW);
  }

  @Test
  void lispFrames_unescapeTheirNonAsciiIntoTheCharactersDiscordShows() throws IOException {
    Notification alert = ((Accepted) decode("01-lisp.sexp")).notification();
    JsonNode embed = JSON.readTree(alert.payloadJson()).get("embeds").get(0);
    assertThat(embed.get("title").asText()).isEqualTo("🚨 ALERT");
    assertThat(embed.get("description").asText())
        .isEqualTo("🚨 Daily loss ¥-5,123 exceeds \"limit\"\npath C:\\swimmy\\x");
    Notification report = ((Accepted) decode("02-lisp.sexp")).notification();
    assertThat(JSON.readTree(report.payloadJson()).get("embeds").get(0).get("description").asText())
        .endsWith("日本語テキスト");
  }

  @Test
  void aFrameWhoseWebhookWasUnset_isRejectedForThatReason() {
    assertThat(decode("08-python-webhook-unset.sexp")).isInstanceOfSatisfying(Rejected.class, r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.MISSING_WEBHOOK);
      assertThat(r.reason().label()).isEqualTo("missing_webhook");
    });
  }

  @Test
  void theGuardiansJsonFrame_sendsItsPayloadObject() throws IOException {
    JsonNode frame = JSON.readTree(Fixtures.bytes("engine/envelopes/09-guardian-json.json"));
    Decoded d = decode("09-guardian-json.json");
    assertThat(d).isInstanceOf(Accepted.class);
    Notification n = ((Accepted) d).notification();
    assertThat(n.webhook().id()).isEqualTo("111111111111111111");
    JsonNode payload = JSON.readTree(n.payloadJson());
    assertThat(payload).isEqualTo(frame.get("payload"));
    assertThat(payload.get("content").asText()).isEqualTo("@here");
    assertThat(payload.get("embeds").get(0).get("title").asText()).isEqualTo("💀 BRAIN DEAD DETECTED 💀");
  }
}
