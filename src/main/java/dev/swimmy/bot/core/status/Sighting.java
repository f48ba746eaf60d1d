package dev.swimmy.bot.core.status;

import java.util.Objects;

/**
 * What the engine reports about an event that may not have happened since it started: the last
 * guardian heartbeat, and the tick age measured from it. At cold start the engine writes universal
 * time 0 (1900-01-01) and a tick age of 0 for them; that is {@link NoneYet}, never a time to show
 * or to age. A field the file does not have at all is null, not a sighting.
 */
public sealed interface Sighting<T> {

  /** The event has not happened yet: the view says so in words. */
  record NoneYet<T>() implements Sighting<T> {}

  /** The event was seen; {@code value} is what the engine reported about it. */
  record Seen<T>(T value) implements Sighting<T> {
    public Seen {
      Objects.requireNonNull(value, "value");
    }
  }
}
