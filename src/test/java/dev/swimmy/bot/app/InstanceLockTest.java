package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {
  @TempDir Path dir;

  @Test
  void secondInstanceOnTheSameSpool_refusesWithAClearMessage() throws Exception {
    Path spool = dir.resolve("data/notifier_spool.db");
    try (InstanceLock first = InstanceLock.acquire(spool)) {
      assertThatThrownBy(() -> InstanceLock.acquire(spool))
          .isInstanceOf(InstanceLock.AlreadyRunningException.class)
          .hasMessageContaining("already running")
          .hasMessageContaining("notifier_spool.db");
    }
    InstanceLock.acquire(spool).close();
  }

  @Test
  void lockHeldByAnotherProcess_isSeen() throws Exception {
    Path spool = dir.resolve("spool.db");
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            LockHolder.class.getName(), spool.toString())
        .redirectErrorStream(true).start();
    try {
      String line = new String(child.getInputStream().readNBytes(7), StandardCharsets.UTF_8);
      assertThat(line).isEqualTo("locked\n");
      assertThatThrownBy(() -> InstanceLock.acquire(spool)).hasMessageContaining("already running");
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    InstanceLock.acquire(spool).close();
  }

  /** Holds the lock in a child JVM until killed. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      InstanceLock.acquire(Path.of(args[0]));
      System.out.print("locked\n");
      System.out.flush();
      System.in.read();
    }
  }
}
