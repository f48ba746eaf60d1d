package dev.swimmy.bot.core.relay;

import static dev.swimmy.bot.core.relay.Messages.T0;
import static dev.swimmy.bot.core.relay.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {
  @Test
  void expiredMessages_foldIntoOneDigestWithJstTimesAndTitles() throws Exception {
    List<SpooledMessage> expired = List.of(
        message(1, "{\"embeds\":[{\"title\":\"Trade opened\"}]}", T0),
        message(2, "{\"content\":\"heartbeat ok\\nmore\"}", T0.plusSeconds(600)));
    JsonNode embed = PayloadLimits.JSON.readTree(Digest.payload(expired)).get("embeds").get(0);
    assertThat(embed.get("title").asText())
        .isEqualTo("2 notifications from 09:00 to 09:10 were not delivered in time");
    assertThat(embed.get("description").asText()).contains("`09:00` Trade opened").contains("`09:10` heartbeat ok");
  }

  @Test
  void aThousandExpiredMessages_stayWithinTheEmbedLimits() throws Exception {
    List<SpooledMessage> expired = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      expired.add(message(i, "{\"embeds\":[{\"title\":\"Alert number " + i + " " + Messages.repeat('z', 80) + "\"}]}", T0.plusSeconds(i)));
    }
    JsonNode root = PayloadLimits.JSON.readTree(Digest.payload(expired));
    assertThat(PayloadLimits.withinLimits((ObjectNode) root)).isTrue();
    assertThat(root.get("embeds").get(0).get("title").asText()).startsWith("1000 notifications");
    assertThat(root.get("embeds").get(0).get("description").asText()).containsPattern("… and \\d+ more$");
  }
}
