package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.testing.InMemorySpool;
import java.time.Duration;

/** The spool contract kept by the in-memory spool the lane tests and benchmarks use. */
class InMemorySpoolContractTest extends SpoolContract {
  @Override
  protected Spool open(int queueMax, Duration window) {
    return new InMemorySpool(queueMax, window);
  }

  @Override
  protected Spool restart(Spool spool) {
    ((InMemorySpool) spool).reopen();
    return spool;
  }
}
