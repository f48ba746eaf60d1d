package dev.swimmy.bot.edge.files;

import dev.swimmy.bot.core.discord.PanelIdStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The panel's message id as one ASCII line in a file, replaced with {@link AtomicFiles}. */
public final class PanelIdFile implements PanelIdStore {
  private static final Logger log = LoggerFactory.getLogger(PanelIdFile.class);

  private final Path file;

  public PanelIdFile(Path file) {
    this.file = file;
  }

  @Override
  public OptionalLong load() {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      log.warn("ignoring unreadable panel id file {}: {}", file, e.toString());
      return OptionalLong.empty();
    }
  }

  @Override
  public void save(long messageId) throws IOException {
    AtomicFiles.write(file, (messageId + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
