package dev.swimmy.bot.core.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadLimitsTest {
  private static List<JsonNode> parse(PayloadLimits.Fitted f) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String p : f.payloads()) {
      JsonNode n = PayloadLimits.JSON.readTree(p);
      assertThat(PayloadLimits.withinLimits((ObjectNode) n)).as(p).isTrue();
      out.add(n);
    }
    return out;
  }

  @Test
  void aPayloadWithinLimits_isLeftExactlyAsItIs() {
    String p = "{\"content\":\"hi\",\"embeds\":[{\"title\":\"t\"}]}";
    assertThat(PayloadLimits.fit(p)).isEqualTo(new PayloadLimits.Fitted(List.of(p), 0));
  }

  @Test
  void longContent_isSplitIntoNumberedMessages() throws Exception {
    String text = Messages.repeat('a', 4500);
    List<JsonNode> parts = parse(PayloadLimits.fit("{\"content\":\"" + text + "\"}"));
    assertThat(parts).hasSize(3);
    assertThat(parts.get(0).get("content").asText()).startsWith("(1/3) aaa");
    assertThat(parts.get(2).get("content").asText()).startsWith("(3/3) aaa");
    int total = parts.stream().mapToInt(p -> p.get("content").asText().length() - 6).sum();
    assertThat(total).isEqualTo(4500);
  }

  @Test
  void twelveEmbeds_becomeTwoMessagesInOrder() throws Exception {
    StringBuilder sb = new StringBuilder("{\"embeds\":[");
    for (int i = 0; i < 12; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"title\":\"e").append(i).append("\"}");
    }
    List<JsonNode> parts = parse(PayloadLimits.fit(sb.append("]}").toString()));
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).get("embeds")).hasSize(10);
    assertThat(parts.get(1).get("embeds").get(1).get("title").asText()).isEqualTo("e11");
    assertThat(parts.get(1).get("content").asText()).isEqualTo("(2/2)");
  }

  @Test
  void anOverlongTitleOrFieldValue_isTruncatedWithAVisibleMarker() throws Exception {
    String p = "{\"embeds\":[{\"title\":\"" + Messages.repeat('t', 300) + "\",\"fields\":[{\"name\":\"n\",\"value\":\""
        + Messages.repeat('v', 2000) + "\"}]}]}";
    PayloadLimits.Fitted f = PayloadLimits.fit(p);
    assertThat(f.truncations()).isEqualTo(2);
    JsonNode e = parse(f).get(0).get("embeds").get(0);
    assertThat(e.get("title").asText()).hasSize(256).endsWith(PayloadLimits.MARKER);
    assertThat(e.get("fields").get(0).get("value").asText()).hasSize(1024).endsWith(PayloadLimits.MARKER);
  }

  @Test
  void thirtyFields_continueInASecondEmbed() throws Exception {
    StringBuilder sb = new StringBuilder("{\"embeds\":[{\"title\":\"T\",\"fields\":[");
    for (int i = 0; i < 30; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"name\":\"n").append(i).append("\",\"value\":\"v\"}");
    }
    List<JsonNode> parts = parse(PayloadLimits.fit(sb.append("]}]}").toString()));
    JsonNode embeds = parts.get(0).get("embeds");
    assertThat(embeds).hasSize(2);
    assertThat(embeds.get(0).get("fields")).hasSize(25);
    assertThat(embeds.get(1).get("fields")).hasSize(5);
    assertThat(embeds.get(1).get("title").asText()).isEqualTo("T (cont.)");
  }

  @Test
  void oneEmbedOverSixThousand_isCutToFit() throws Exception {
    StringBuilder sb = new StringBuilder("{\"embeds\":[{\"description\":\"" + Messages.repeat('d', 4096) + "\",\"fields\":[");
    for (int i = 0; i < 5; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"name\":\"n\",\"value\":\"").append(Messages.repeat('v', 1000)).append("\"}");
    }
    PayloadLimits.Fitted f = PayloadLimits.fit(sb.append("]}]}").toString());
    assertThat(parse(f)).hasSize(1);
    assertThat(f.truncations()).isPositive();
  }

  @Test
  void lengthsAreCountedAfterTrimming() {
    String padded = "  " + Messages.repeat('a', 2000) + "   ";
    String p = "{\"content\":\"" + padded + "\"}";
    assertThat(PayloadLimits.fit(p).payloads()).containsExactly(p);
  }
}
