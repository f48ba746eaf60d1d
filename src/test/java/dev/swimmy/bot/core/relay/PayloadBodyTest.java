package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decoder hashes an alist payload from its plain values; that must equal hashing its JSON. */
class PayloadBodyTest {
  private final EnvelopeDecoder decoder = new EnvelopeDecoder(Map.of(), 256 * 1024, "nonce");

  private Notification decode(String payload) {
    String frame = "((type . \"NOTIFIER\") (webhook . \"https://discord.com/api/webhooks/1/t\") (payload " + payload + "))";
    Decoded d = decoder.decode(frame.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    assertThat(d).isInstanceOf(Decoded.Accepted.class);
    return ((Decoded.Accepted) d).notification();
  }

  @Test
  void theHashOfAnAlistPayload_isTheCanonicalHashOfItsJson() {
    for (String payload : new String[] {
        "(content . \"a\")",
        "(embeds ((title . \"t\") (color . 3447003) (fields ((name . \"x\") (value . \"1.5\") (inline . t))))) (tts)",
        "(z . 1.5) (a . -0.0) (m . 123456789012345678901234567890) (r . 1/3) (k . :key) (s . sym) (n . 1e30)",
    }) {
      Notification n = decode(payload);
      assertThat(n.payloadHash()).as(payload).isEqualTo(PayloadJson.canonicalHash(n.payloadJson()));
    }
  }

  @Test
  void aJsonPayload_andTheSameAlist_haveOneHash() {
    Notification alist = decode("(content . \"same\") (tts)");
    String frame = "((type . \"NOTIFIER\") (webhook . \"https://discord.com/api/webhooks/1/t\")"
        + " (payload_json . \"{\\\"tts\\\": null, \\\"content\\\": \\\"same\\\"}\"))";
    Decoded d = decoder.decode(frame.getBytes(StandardCharsets.UTF_8), Instant.EPOCH);
    assertThat(((Decoded.Accepted) d).notification().payloadHash()).isEqualTo(alist.payloadHash());
  }
}
