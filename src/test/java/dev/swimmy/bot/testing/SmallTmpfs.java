package dev.swimmy.bot.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system for disk-full tests: a tmpfs of a few hundred KiB mounted on a fresh
 * temporary directory, which a filler file can fill to the last block so writes fail with ENOSPC
 * (SQLite's {@code SQLITE_FULL}), as on a full production disk. Mounting needs root: in CI
 * ({@code CI=true}, where {@code .ci/run} runs as root) a refused mount fails the test; elsewhere
 * the test is skipped saying why. {@link #close} deletes the filler and unmounts.
 */
public final class SmallTmpfs implements AutoCloseable {
  private final Path dir;
  private final Path filler;
  private boolean mounted;

  private SmallTmpfs(Path dir) {
    this.dir = dir;
    this.filler = dir.resolve("filler");
  }

  /** Mounts a tmpfs of {@code kib} KiB; fails in CI and skips elsewhere when it cannot. */
  public static SmallTmpfs mount(int kib) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("swimmy-tmpfs-");
    SmallTmpfs fs = new SmallTmpfs(dir);
    String refused = fs.run(List.of("mount", "-t", "tmpfs", "-o", "size=" + kib + "k,mode=0700", "swimmy-test", dir.toString()));
    if (refused != null) {
      Files.deleteIfExists(dir);
      String why = "cannot mount a tmpfs for the disk-full test (needs root and mount(8)): " + refused;
      if ("true".equals(System.getenv("CI"))) {
        fail(why + "; .ci/run runs as root, so in CI this is a defect");
      }
      Assumptions.abort(why);
    }
    fs.mounted = true;
    return fs;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Writes a filler file until the file system refuses another byte (ENOSPC); returns its size.
   * Bounded by the file system's own size.
   */
  public long fill() throws IOException {
    ByteBuffer block = ByteBuffer.allocate(4096);
    long total = Files.getFileStore(dir).getTotalSpace();
    try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      for (long written = 0; written <= total; ) {
        block.clear();
        try {
          int n = ch.write(block);
          if (n == 0) {
            break;
          }
          written += n;
        } catch (IOException full) {
          break; // No space left on device
        }
      }
      return ch.size();
    }
  }

  /** Deletes the filler: the space is free again. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (mounted) {
      String failed = run(List.of("umount", dir.toString()));
      if (failed != null) {
        run(List.of("umount", "-l", dir.toString())); // something still holds a file open
      }
      mounted = false;
    }
    Files.deleteIfExists(dir);
  }

  /** Runs a command for up to 30 s; null when it succeeded, else its output. */
  private String run(List<String> command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return String.join(" ", command) + " did not finish in 30 s";
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + p.exitValue() + " " + out;
  }
}
