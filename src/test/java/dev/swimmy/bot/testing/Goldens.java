package dev.swimmy.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. To regenerate them after an intended
 * change of the view, run the tests with {@code -Dswimmy.updateGoldens=true}, e.g.
 * {@code ./mvnw -q test -Dtest='StatusViewGoldenTest' -Dswimmy.updateGoldens=true}, and review
 * the diff before committing it.
 */
public final class Goldens {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Goldens() {}

  public static void assertMatches(String relative, String actual) {
    Path file = ROOT.resolve(relative);
    try {
      if (Boolean.getBoolean("swimmy.updateGoldens")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertThat(file).as("golden %s (regenerate with -Dswimmy.updateGoldens=true)", relative)
          .exists();
      assertThat(actual).as("golden %s", relative)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
