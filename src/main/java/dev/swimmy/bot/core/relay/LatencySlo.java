package dev.swimmy.bot.core.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The delivery-latency objective as episodes: the first observation over {@code slo} (a delivery
 * that took longer, or a pending message already older) opens an episode and asks for one alert;
 * the episode closes, with one recovery, once nothing has been over for {@code quiet}. Not
 * thread-safe; the sender calls it under its own lock.
 */
public final class LatencySlo {
  private final Duration slo;
  private final Duration quiet;
  private boolean breached;
  private Instant lastOver = Instant.MIN;

  public LatencySlo(Duration slo, Duration quiet) {
    this.slo = slo;
    this.quiet = quiet;
  }

  /** A transition this observation causes, if any. */
  public enum Transition {
    BREACHED,
    RECOVERED
  }

  /** Observes a latency (of a delivery, or the age of the oldest pending message). */
  public Optional<Transition> observe(Duration latency, Instant now) {
    if (latency.compareTo(slo) > 0) {
      lastOver = now;
      if (!breached) {
        breached = true;
        return Optional.of(Transition.BREACHED);
      }
      return Optional.empty();
    }
    if (breached && !now.isBefore(lastOver.plus(quiet))) {
      breached = false;
      return Optional.of(Transition.RECOVERED);
    }
    return Optional.empty();
  }

  public boolean breached() {
    return breached;
  }

  public Duration slo() {
    return slo;
  }
}
