package dev.swimmy.bot.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which parts are wedged, decided from their {@link Pulse}s at one instant. The systemd watchdog
 * is pinged only while the verdict is healthy, so a wedged loop gets the process restarted. Pure:
 * the caller passes the pulses and "now".
 */
public final class Liveness {
  private Liveness() {}

  /**
   * A part that showed no sign of life within its window: silent (or busy) for {@code silentFor}.
   *
   * @param part the part's name, e.g. {@code PULL loop}
   * @param silentFor how long since its last sign of life
   * @param window how long it may be silent
   */
  public record Wedged(String part, Duration silentFor, Duration window) {
    /** How long it was silent against its window, e.g. {@code "no sign of life for 42 s, window 15 s"}. */
    public String detail() {
      return "no sign of life for " + silentFor.toSeconds() + " s, window " + window.toSeconds() + " s";
    }

    /** One line for systemd's STATUS, e.g. {@code "PULL loop (no sign of life for 42 s, window 15 s)"}. */
    public String describe() {
      return part + " (" + detail() + ")";
    }
  }

  /**
   * The wedged parts at one instant, in the order the pulses came; healthy when empty.
   *
   * @param wedged the wedged parts; copied
   */
  public record Verdict(List<Wedged> wedged) {
    public Verdict {
      wedged = List.copyOf(wedged);
    }

    /** Whether no part is wedged. */
    public boolean healthy() {
      return wedged.isEmpty();
    }

    /** Names of the wedged parts. */
    public Set<String> parts() {
      return wedged.stream().map(Wedged::part).collect(Collectors.toUnmodifiableSet());
    }

    /** Parts wedged now that were not in {@code before}: each is logged once per episode. */
    public List<Wedged> newSince(Verdict before) {
      Set<String> old = before.parts();
      return wedged.stream().filter(w -> !old.contains(w.part())).toList();
    }

    /** Parts wedged in {@code before} that are alive again now. */
    public List<String> recoveredSince(Verdict before) {
      Set<String> now = parts();
      return before.wedged().stream().map(Wedged::part).filter(p -> !now.contains(p)).toList();
    }
  }

  /** The verdict on no parts at all: healthy. */
  public static Verdict healthy() {
    return new Verdict(List.of());
  }

  /**
   * Judges every pulse at {@code now}. A {@link Pulse.Turned} part is wedged when more than its
   * window has passed since it last turned; a {@link Pulse.Busy} part when its current piece of
   * work began more than its window ago (an idle part is alive). A sign of life in the future
   * (clock stepped back) counts as just now.
   */
  public static Verdict check(List<Pulse> pulses, Instant now) {
    List<Wedged> wedged = new ArrayList<>();
    for (Pulse p : pulses) {
      Instant last = p instanceof Pulse.Turned t ? t.at() : ((Pulse.Busy) p).since().orElse(now);
      Duration silent = Duration.between(last, now);
      if (silent.compareTo(p.window()) > 0) {
        wedged.add(new Wedged(p.part(), silent, p.window()));
      }
    }
    return new Verdict(wedged);
  }
}
