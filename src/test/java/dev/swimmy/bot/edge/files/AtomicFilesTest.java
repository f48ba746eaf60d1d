package dev.swimmy.bot.edge.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void write_replacesTheFileAndLeavesNoTemporaryFiles() throws IOException {
    Path target = dir.resolve("sub/notifier_metrics.sexp");
    AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
    assertThat(target).hasContent("new");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void concurrentReader_seesOnlyWholeVersions() throws Exception {
    Path target = dir.resolve("status.sexp");
    String a = "a".repeat(200_000);
    String b = "b".repeat(200_000);
    AtomicFiles.write(target, a.getBytes(StandardCharsets.UTF_8));
    AtomicBoolean done = new AtomicBoolean();
    List<String> torn = new ArrayList<>();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        try {
          String seen = Files.readString(target);
          if (!seen.equals(a) && !seen.equals(b)) {
            torn.add(seen.substring(0, 10));
          }
        } catch (IOException e) {
          torn.add("unreadable: " + e);
        }
      }
    }, "test-reader");
    reader.start();
    for (int i = 0; i < 50; i++) {
      AtomicFiles.write(target, (i % 2 == 0 ? b : a).getBytes(StandardCharsets.UTF_8));
    }
    done.set(true);
    reader.join(10_000);
    assertThat(torn).isEmpty();
  }

  @Test
  void failedWrite_keepsTheOldFileAndCleansUp() throws IOException {
    Path target = dir.resolve("keep.sexp");
    AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
    Path blocker = dir.resolve("blocked");
    Files.createDirectories(blocker.resolve("not-empty"));
    assertThatThrownBy(() -> AtomicFiles.write(blocker, "x".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThat(target).hasContent("old");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
