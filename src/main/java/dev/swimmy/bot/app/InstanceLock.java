package dev.swimmy.bot.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <spool>.lock}, held for the life of the daemon, so that a second
 * instance on the same spool refuses to start instead of two processes sending the same queue.
 * The operating system releases it when the process dies, so a crash never leaves it stuck.
 */
public final class InstanceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private InstanceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or throws {@link AlreadyRunningException} naming the lock file. */
  public static InstanceLock acquire(Path spool) throws IOException {
    Path file = spool.resolveSibling(spool.getFileName() + ".lock");
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      ch.close();
      throw new AlreadyRunningException(
          "another swimmy-bot is already running on the spool " + spool + " (lock " + file + " is held)");
    }
    return new InstanceLock(ch, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }

  /** A second instance tried to start on a spool that is in use. */
  public static final class AlreadyRunningException extends IOException {
    private static final long serialVersionUID = 1L;

    public AlreadyRunningException(String message) {
      super(message);
    }
  }
}
