package dev.swimmy.bot.testing;

import dev.swimmy.bot.core.discord.DeadLetterAdmin;
import dev.swimmy.bot.core.relay.Spool.DeadLetter;
import java.util.List;
import java.util.Optional;

/** A dead-letter store that is always empty, for bots whose tests do not touch dead letters. */
public final class NoDeadLetters implements DeadLetterAdmin {
  @Override
  public List<DeadLetter> list(int max) {
    return List.of();
  }

  @Override
  public int count() {
    return 0;
  }

  @Override
  public int requeue(Optional<String> webhookId) {
    return 0;
  }

  @Override
  public int purge(Optional<String> webhookId) {
    return 0;
  }
}
