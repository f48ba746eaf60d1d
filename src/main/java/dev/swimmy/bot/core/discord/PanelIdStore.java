package dev.swimmy.bot.core.discord;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * Where the status panel's message id outlives the process, so a restart edits the panel it
 * left instead of posting a second one. The daemon keeps it in {@code data/panel_message_id}
 * ({@code edge.files.PanelIdFile}).
 *
 * <p>Contract: once {@link #save} returns, the id survives a crash or power cut, and a reader
 * sees the old id or the new one, never a mix.
 */
public interface PanelIdStore {
  /** The id saved last; empty when none was saved or what was saved cannot be read. */
  OptionalLong load();

  /** Keeps {@code messageId} in place of the one saved before. */
  void save(long messageId) throws IOException;
}
