package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.relay.Decoded.Accepted;
import dev.swimmy.bot.core.relay.Decoded.Heartbeat;
import dev.swimmy.bot.core.relay.Decoded.Rejected;
import dev.swimmy.bot.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeDecoderTest {
  private static final Instant NOW = Instant.parse("2026-02-11T03:18:19Z");
  private static final WebhookAddress ALERTS =
      WebhookAddress.parse("https://discord.com/api/webhooks/999/tok-ROUTE").orElseThrow();
  private final EnvelopeDecoder decoder = new EnvelopeDecoder(Map.of("alerts", ALERTS), 256 * 1024, "nonce-1");

  private Decoded decode(String text) {
    return decoder.decode(text.getBytes(StandardCharsets.UTF_8), NOW);
  }

  private Notification accepted(Decoded d) {
    assertThat(d).isInstanceOf(Accepted.class);
    return ((Accepted) d).notification();
  }

  @ParameterizedTest
  @CsvSource({
    "payload-sexp.sexp, 222, '{\"embeds\":[{\"title\":\"Swimmy Alert\",\"description\":\"Heap high\\nCheck now\",\"color\":15158332}]}'",
    "payload-json.sexp, 111, '{\"embeds\":[{\"title\":\"Swimmy\",\"description\":\"Daily report\\nline 2\",\"color\":3447003}]}'",
    "json-envelope.json, 555, '{\"content\":\"from a JSON sender\"}'",
    "legacy-data.sexp, 333, '{\"content\":\"legacy guardian message\"}'",
    "type-notify.sexp, 444, '{\"content\":\"old envelope type\"}'",
  })
  void everyGoodFixture_isAcceptedWithItsWebhookAndDiscordJson(String file, String webhookId, String json) {
    Notification n = accepted(decoder.decode(Fixtures.bytes("envelopes/" + file), NOW));
    assertThat(n.webhook().id()).isEqualTo(webhookId);
    assertThat(n.payloadJson()).isEqualTo(json);
    assertThat(n.receivedAt()).isEqualTo(NOW);
    assertThat(n.engineId()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "bad-action.sexp, BAD_ACTION",
    "bad-both-payloads.sexp, BOTH_PAYLOADS",
    "bad-foreign-url.sexp, FOREIGN_WEBHOOK",
    "bad-missing-webhook.sexp, MISSING_WEBHOOK",
    "bad-schema-v2.sexp, BAD_SCHEMA_VERSION",
    "bad-unbalanced.sexp, UNPARSEABLE",
  })
  void everyBadFixture_isRejectedWithItsReason(String file, RejectReason reason) {
    Decoded d = decoder.decode(Fixtures.bytes("envelopes/" + file), NOW);
    assertThat(d).isInstanceOf(Rejected.class);
    assertThat(((Rejected) d).reason()).isEqualTo(reason);
  }

  @Test
  void rejectionPreviews_neverShowAWebhookToken() {
    Rejected r = (Rejected) decoder.decode(Fixtures.bytes("envelopes/bad-action.sexp"), NOW);
    assertThat(r.preview()).doesNotContain("tok-L9V8PZT10D6X").contains("webhooks/667/****");
  }

  @Test
  void aRouteName_resolvesToItsConfiguredWebhook() {
    Notification n = accepted(decode("((type . \"NOTIFIER\") (webhook . \"alerts\") (payload (content . \"hi\")))"));
    assertThat(n.webhook()).isEqualTo(ALERTS);
  }

  @Test
  void anUnknownRouteName_isRejected() {
    assertThat(decode("((type . \"NOTIFIER\") (webhook . \"nope\") (payload (content . \"hi\")))"))
        .isEqualTo(new Rejected(RejectReason.UNKNOWN_ROUTE, "((type . \"NOTIFIER\") (webhook . \"nope\") (payload (content . \"hi\")))"));
  }

  @Test
  void idAndTimestamp_areKeptInBothTimeForms() {
    Notification iso = accepted(decode(
        "((type . \"NOTIFIER\") (id . \"a-1\") (timestamp . \"2026-02-11T03:00:00Z\") (webhook . \"alerts\") (payload (content . \"x\")))"));
    assertThat(iso.engineId()).contains("a-1");
    assertThat(iso.engineTime()).contains(Instant.parse("2026-02-11T03:00:00Z"));
    long ut = Instant.parse("2026-02-11T03:00:00Z").getEpochSecond() + EnvelopeDecoder.UNIVERSAL_TIME_OFFSET;
    Notification universal = accepted(decode(
        "((type . \"NOTIFIER\") (timestamp . " + ut + ") (webhook . \"alerts\") (payload (content . \"x\")))"));
    assertThat(universal.engineTime()).contains(Instant.parse("2026-02-11T03:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "((type . \"NOTIFIER\") (timestamp . \"yesterday\") (webhook . \"alerts\") (payload (content . \"x\"))) | BAD_TIMESTAMP",
    "((type . \"NOTIFIER\") (id . 42) (webhook . \"alerts\") (payload (content . \"x\"))) | BAD_ID",
    "((type . \"NOTIFIER\") (webhook . \"alerts\") (payload_json . \"[1,2]\")) | BAD_PAYLOAD",
    "((type . \"NOTIFIER\") (webhook . \"alerts\") (payload_json . \"{\\\"a\\\":1}{\")) | BAD_PAYLOAD",
    "((type . \"NOTIFIER\") (webhook . \"alerts\")) | BAD_PAYLOAD",
    "((type . \"NOTIFIER\") (webhook . \"alerts\") (payload)) | BAD_PAYLOAD",
    "((type . \"OTHER\") (webhook . \"alerts\") (payload (content . \"x\"))) | BAD_TYPE",
    "((webhook . \"alerts\") (payload (content . \"x\"))) | BAD_TYPE",
    "((type . \"NOTIFIER\") (schema_version . \"1\") (webhook . \"alerts\") (payload (content . \"x\"))) | BAD_SCHEMA_VERSION",
    "((type . \"NOTIFIER\") (webhook . \"https://evil.example/api/webhooks/1/x\") (payload (content . \"x\"))) | FOREIGN_WEBHOOK",
    "((type . \"NOTIFIER\") (webhook . \"https://discord.com.evil.example/api/webhooks/1/x\") (payload (content . \"x\"))) | FOREIGN_WEBHOOK",
    "((type . \"NOTIFIER\") (webhook . \"http://discord.com/api/webhooks/1/x\") (payload (content . \"x\"))) | FOREIGN_WEBHOOK",
    "{\"type\":\"NOTIFIER\",\"type\":\"NOTIFIER\"} | UNPARSEABLE",
    "[1,2,3] | UNPARSEABLE",
    "(1 2 3) | UNPARSEABLE",
    "garbage | UNPARSEABLE",
    "((type . \"SWIMMY_HEARTBEAT\") (nonce . \"guess\") (seq . 1)) | BAD_TYPE",
  })
  void invalidEnvelopes_areRejectedWithAReason(String text, RejectReason reason) {
    assertThat(decode(text)).isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void oversizedFrames_areRejectedAsTooLarge() {
    EnvelopeDecoder small = new EnvelopeDecoder(Map.of(), 64, "n");
    byte[] frame = Fixtures.bytes("envelopes/payload-sexp.sexp");
    assertThat(small.decode(frame, NOW)).isInstanceOfSatisfying(Rejected.class,
        r -> assertThat(r.reason()).isEqualTo(RejectReason.TOO_LARGE));
  }

  @Test
  void ourOwnHeartbeat_isRecognisedAndNeverAccepted() {
    assertThat(decoder.decode(EnvelopeDecoder.heartbeatFrame("nonce-1", 7), NOW)).isEqualTo(new Heartbeat(7));
  }

  @Test
  void randomBinaryGarbage_isAlwaysRejectedNeverThrown() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      byte[] frame = new byte[random.nextInt(512)];
      random.nextBytes(frame);
      if (i % 3 == 0 && frame.length > 0) {
        frame[0] = '(';
      }
      assertThat(decoder.decode(frame, NOW)).isInstanceOf(Rejected.class);
    }
  }

  @Test
  void deeplyNestedInput_isRejectedNotAStackOverflow() {
    String deep = "(".repeat(10_000) + ")".repeat(10_000);
    assertThat(decode(deep)).isInstanceOf(Rejected.class);
    assertThat(decode("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")).isInstanceOf(Rejected.class);
  }

  @Test
  void canonicalHash_ignoresKeyOrderAndSpacing() {
    assertThat(PayloadJson.canonicalHash("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}"))
        .isEqualTo(PayloadJson.canonicalHash("{ \"b\" : {\"d\":3, \"c\":2}, \"a\":1 }"))
        .isNotEqualTo(PayloadJson.canonicalHash("{\"a\":2,\"b\":{\"c\":2,\"d\":3}}"));
  }

  @Test
  void theWatchdog_asksForARebuildAfterThreeMissedBeats() {
    IntakeWatchdog w = IntakeWatchdog.of(java.time.Duration.ofSeconds(5));
    assertThat(w.needsRebuild(NOW, NOW.plusSeconds(15))).isFalse();
    assertThat(w.needsRebuild(NOW, NOW.plusSeconds(16))).isTrue();
  }
}
