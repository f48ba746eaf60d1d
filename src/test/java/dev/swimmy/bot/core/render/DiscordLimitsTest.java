package dev.swimmy.bot.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiscordLimitsTest {

  @Test
  void aMessageThatFits_isLeftAlone() {
    Message m = Message.of(new Embed("t", "d", 1, List.of(new Field("n", "v", true)), "f"));
    assertThat(DiscordLimits.fit(m)).isEqualTo(m);
  }

  @Test
  void aLongValue_isCutWithAnEllipsisAndTheCutIsSaid() {
    Message m = Message.of(new Embed("t", "d", 1, List.of(new Field("n", "x".repeat(2000), true)), "f"));
    Message fit = DiscordLimits.fit(m);
    Field f = fit.embeds().get(0).fields().get(0);
    assertThat(f.value()).hasSize(DiscordLimits.FIELD_VALUE).endsWith("…");
    assertThat(fit.embeds().get(0).footer()).contains("cut to fit Discord's limits");
  }

  @Test
  void tooManyFields_areDroppedFromTheEndAndCounted() {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      fields.add(new Field("n" + i, "v", true));
    }
    Message fit = DiscordLimits.fit(Message.of(new Embed("t", "", 1, fields, "")));
    assertThat(fit.embeds().get(0).fields()).hasSize(25).last().extracting(Field::name).isEqualTo("n24");
    assertThat(fit.embeds().get(0).footer()).contains("15 field(s) dropped");
  }

  @Test
  void theTotal_isKeptUnderSixThousand() {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      fields.add(new Field("n" + i, "v".repeat(1024), false));
    }
    Message fit = DiscordLimits.fit(Message.of(new Embed("t", "d".repeat(4096), 1, fields, "f")));
    assertThat(fit.embedLength()).isLessThanOrEqualTo(DiscordLimits.TOTAL);
    assertThat(DiscordLimits.violations(fit)).isEmpty();
  }

  @Test
  void cutting_neverSplitsASurrogatePair() {
    String emoji = "🟢".repeat(1000);
    Message fit = DiscordLimits.fit(Message.of(new Embed(emoji, "", 1, List.of(), "")));
    String title = fit.embeds().get(0).title();
    assertThat(title.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count()).isZero();
    assertThat(title).endsWith("…");
  }

  /** Property: whatever the message, {@code fit} gives one Discord accepts. Seeded, repeatable. */
  @Test
  void anyMessage_fitsDiscordAfterFit() {
    Random random = new Random(20260211L);
    for (int run = 0; run < 500; run++) {
      Message m = RandomInputs.message(random);
      Message fit = DiscordLimits.fit(m);
      assertThat(DiscordLimits.violations(fit)).as("run %d", run).isEmpty();
    }
  }
}
