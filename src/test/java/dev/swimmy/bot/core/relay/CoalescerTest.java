package dev.swimmy.bot.core.relay;

import static dev.swimmy.bot.core.relay.Messages.embed;
import static dev.swimmy.bot.core.relay.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescerTest {
  @Test
  void consecutiveEmbedOnlyMessages_shareOneRequestInOrder_upToTenEmbeds() throws Exception {
    List<SpooledMessage> queue = new ArrayList<>();
    for (int i = 1; i <= 14; i++) {
      queue.add(embed(i, "t" + i));
    }
    Coalescer.Pack pack = Coalescer.firstPack(queue, 50);
    assertThat(pack.messages()).extracting(SpooledMessage::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    JsonNode body = PayloadLimits.JSON.readTree(pack.payloadJson());
    assertThat(body.get("embeds")).hasSize(10);
    assertThat(body.get("embeds").get(0).get("title").asText()).isEqualTo("t1");
    assertThat(body.get("embeds").get(9).get("title").asText()).isEqualTo("t10");
  }

  @Test
  void packingStopsBeforeSixThousandCharacters() {
    String big = Messages.repeat('x', 2500);
    List<SpooledMessage> queue = List.of(
        message(1, "{\"embeds\":[{\"description\":\"" + big + "\"}]}", Messages.T0),
        message(2, "{\"embeds\":[{\"description\":\"" + big + "\"}]}", Messages.T0),
        message(3, "{\"embeds\":[{\"description\":\"" + big + "\"}]}", Messages.T0));
    assertThat(Coalescer.firstPack(queue, 50).messages()).hasSize(2);
  }

  @Test
  void aMessageWithContent_breaksThePackAndGoesAlone() {
    List<SpooledMessage> queue = List.of(
        embed(1, "a"), message(2, "{\"content\":\"hello\"}", Messages.T0), embed(3, "c"));
    assertThat(Coalescer.firstPack(queue, 50).messages()).extracting(SpooledMessage::id).containsExactly(1L);
    Coalescer.Pack alone = Coalescer.firstPack(queue.subList(1, 3), 50);
    assertThat(alone.messages()).extracting(SpooledMessage::id).containsExactly(2L);
    assertThat(alone.payloadJson()).isEqualTo("{\"content\":\"hello\"}");
  }

  @Test
  void messagesFromDifferentUsernames_areNotPackedTogether() {
    List<SpooledMessage> queue = List.of(
        message(1, "{\"username\":\"a\",\"embeds\":[{\"title\":\"1\"}]}", Messages.T0),
        message(2, "{\"username\":\"b\",\"embeds\":[{\"title\":\"2\"}]}", Messages.T0));
    assertThat(Coalescer.firstPack(queue, 50).messages()).hasSize(1);
  }

  @Test
  void aSingleMessage_isSentExactlyAsItCame() {
    SpooledMessage only = embed(1, "x");
    assertThat(Coalescer.firstPack(List.of(only), 50).payloadJson()).isEqualTo(only.payloadJson());
  }
}
