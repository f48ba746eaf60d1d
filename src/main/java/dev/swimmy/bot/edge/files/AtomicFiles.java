package dev.swimmy.bot.edge.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a reader sees either the old content or the new, never a mix, and the
 * new content survives a power cut once {@link #write} returns.
 *
 * <p>Contract: the bytes go to a temporary file in the same folder, which is forced to disk, then
 * renamed over the target (atomic on POSIX), then the folder is forced so the rename itself is
 * durable. A crash before the rename leaves the old file and at most a stray {@code .tmp} file
 * (removed on the next write's failure path or ignored by readers); after it, the new file. Proven
 * by {@code AtomicFilesTest}.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path target, byte[] content) throws IOException {
    write(target, ByteBuffer.wrap(content));
  }

  /**
   * Writes the buffers one after the other as the file's content, with the same contract; a header
   * and a large body need not be copied into one array first.
   */
  public static void write(Path target, ByteBuffer... content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        for (ByteBuffer buf : content) {
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    forceDirectory(dir);
  }

  /** Makes a rename in {@code dir} durable; a no-op where the platform cannot open folders. */
  static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
      // Not every platform lets a folder be opened for fsync; the rename is still atomic.
    }
  }
}
