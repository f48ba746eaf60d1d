package dev.swimmy.bot.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.render.DiscordLimits;
import dev.swimmy.bot.core.render.Embed;
import dev.swimmy.bot.core.render.Message;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChartEmbedsTest {
  static ChartImage chart(int pngBytes) {
    return new ChartImage("pnl-today.png", new byte[pngBytes], "<svg/>", 10, 10, "k");
  }

  static Message embeds(int n) {
    return new Message("", IntStream.range(0, n)
        .mapToObj(i -> new Embed("e" + i, "", 0x123456, List.of(), "")).toList());
  }

  @Test
  void aChart_getsAnEmbedOfItsOwn_referringToTheFile() {
    Message m = ChartEmbeds.with(embeds(2), chart(10), "PnL");
    assertThat(m.embeds()).hasSize(3);
    assertThat(m.embeds().get(2).image()).isEqualTo("attachment://pnl-today.png");
    assertThat(m.embeds().get(2).colour()).isEqualTo(0x123456);
    assertThat(DiscordLimits.violations(m)).isEmpty();
  }

  @Test
  void withTenEmbedsAlready_theImageGoesOnTheTenth_notAnEleventh() {
    Message m = ChartEmbeds.with(embeds(10), chart(10), "PnL");
    assertThat(m.embeds()).hasSize(DiscordLimits.EMBEDS);
    assertThat(m.embeds().get(9).image()).isEqualTo("attachment://pnl-today.png");
    assertThat(DiscordLimits.fit(m).embeds().get(9).image()).as("fit keeps the image").isEqualTo("attachment://pnl-today.png");
  }

  @Test
  void aChartOverDiscordsUploadLimit_isLeftOut() {
    assertThat(ChartEmbeds.fitting(Optional.of(chart(DiscordLimits.ATTACHMENT_BYTES + 1)))).isEmpty();
    assertThat(ChartEmbeds.fitting(Optional.of(chart(DiscordLimits.ATTACHMENT_BYTES)))).isPresent();
    Reply r = Reply.visible(embeds(1)).withChart(Optional.of(chart(DiscordLimits.ATTACHMENT_BYTES + 1)), "PnL");
    assertThat(r.chart()).isEmpty();
    assertThat(r.message()).isEqualTo(embeds(1));
  }
}
