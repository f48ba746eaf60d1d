package dev.swimmy.bot.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Debian's Chromium driven from its command line: loads a page served on 127.0.0.1, lets its
 * scripts run, and returns the resulting DOM or a screenshot. Started with the flags that keep it
 * off the (closed) network, a fresh profile each time, and a bounded run time.
 */
public final class HeadlessChromium {
  private static final long TIMEOUT_SECONDS = 60;

  private final Path binary;
  private final Path profiles;

  public HeadlessChromium(Path profiles) {
    this.binary = ExternalTool.require("chromium", "chromium chromium-driver");
    this.profiles = profiles;
  }

  /** The DOM after the page's scripts have run for {@code scriptMillis} of virtual time. */
  public Document dom(String url, int scriptMillis) throws IOException, InterruptedException {
    String html = run(List.of("--virtual-time-budget=" + scriptMillis, "--dump-dom", url));
    return Jsoup.parse(html, url);
  }

  /** Saves a PNG of the page as a 1000x900 window shows it. */
  public Path screenshot(String url, Path png) throws IOException, InterruptedException {
    return screenshot(url, png, 1000, 900);
  }

  /** Saves a PNG of the page as a window of {@code width} x {@code height} shows it. */
  public Path screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(List.of("--window-size=" + width + "," + height, "--hide-scrollbars", "--virtual-time-budget=1500",
        "--screenshot=" + png.toAbsolutePath(), url));
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new IOException("Chromium wrote no screenshot to " + png);
    }
    return png;
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(profiles, "chromium-");
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic",
        "--user-data-dir=" + profile));
    cmd.addAll(args);
    Path err = profile.resolve("stderr.log");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("Chromium did not finish within " + TIMEOUT_SECONDS + " s");
    }
    if (p.exitValue() != 0) {
      throw new IOException("Chromium exited with " + p.exitValue() + ": " + Files.readString(err));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
