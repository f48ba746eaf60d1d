package dev.swimmy.bot.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.status.StatusBoard;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: no board, however hostile its values, renders a message Discord would refuse. */
class StatusViewPropertyTest {

  @Test
  void noRenderedMessage_breaksADiscordLimitWhateverTheInputs() {
    Random random = new Random(1770779899L);
    for (int run = 0; run < 300; run++) {
      StatusBoard board = RandomInputs.board(random);
      for (StatusSection section : StatusSection.values()) {
        Message m = StatusView.render(board, section);
        assertThat(DiscordLimits.violations(m)).as("run %d section %s", run, section).isEmpty();
      }
    }
  }
}
