package dev.swimmy.bot.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a test needs from the machine (SBCL, Chromium, systemd-analyze). {@code .ci/run}
 * installs them, so in CI ({@code CI=true}) a missing one fails the test; on a developer's machine
 * the test is skipped with a message saying what to install.
 */
public final class ExternalTool {
  private ExternalTool() {}

  public static Optional<Path> find(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The program's path; fails in CI and skips elsewhere when it is not installed. */
  public static Path require(String name, String debianPackage) {
    Optional<Path> found = find(name);
    if (found.isPresent()) {
      return found.get();
    }
    String why = name + " is not installed (apt-get install -y " + debianPackage + ")";
    if ("true".equals(System.getenv("CI"))) {
      fail(why + "; .ci/run installs it, so in CI this is a defect");
    }
    Assumptions.abort(why);
    throw new AssertionError("unreachable");
  }
}
