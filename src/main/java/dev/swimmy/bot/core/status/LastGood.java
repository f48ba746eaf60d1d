package dev.swimmy.bot.core.status;

import java.util.Objects;

/**
 * The last snapshot of a source that was read well, and whether it came from the copy kept on
 * disk across a restart rather than from a read in this process.
 *
 * @param snapshot the snapshot
 * @param fromDisk whether it came from the copy kept on disk
 */
public record LastGood(Snapshot snapshot, boolean fromDisk) {
  public LastGood {
    Objects.requireNonNull(snapshot, "snapshot");
  }
}
