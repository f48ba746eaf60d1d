package dev.swimmy.bot.testing;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;

/**
 * The faults one webhook will answer with: first the queued ones, one per request, then the
 * "always" fault if set, else normal behaviour.
 */
public final class FaultScript {
  private final Deque<Fault> next = new ArrayDeque<>();
  private Fault always;

  /** Queues faults for the next requests, in order; later requests behave normally again. */
  public synchronized FaultScript next(Fault... faults) {
    next.addAll(Arrays.asList(faults));
    return this;
  }

  /** Answers every request (after the queued ones) with this fault until {@link #clear()}. */
  public synchronized FaultScript always(Fault fault) {
    this.always = fault;
    return this;
  }

  public synchronized FaultScript clear() {
    next.clear();
    always = null;
    return this;
  }

  synchronized Optional<Fault> take() {
    Fault queued = next.poll();
    return Optional.ofNullable(queued != null ? queued : always);
  }
}
