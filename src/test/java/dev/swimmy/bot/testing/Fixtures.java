package dev.swimmy.bot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The engine-written fixtures, copied from {@code ../shared/fixtures} into the test resources so
 * a clean clone has them. Surefire passes their folder as {@code swimmy.fixtures}.
 */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    String configured = System.getProperty("swimmy.fixtures");
    Path root = configured != null ? Path.of(configured) : Path.of("src/test/resources/fixtures");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("fixtures folder not found: " + root.toAbsolutePath());
    }
    return root;
  }

  public static Path path(String relative) {
    return root().resolve(relative);
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String relative) {
    return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
  }
}
