package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code render --json} through the real {@code main} in a child JVM, in every state a source can
 * be in: stdout must be exactly one JSON document (Discord's message body), nothing before or
 * after it, and the engine's home must be the same file for file afterwards (render writes
 * nothing, in particular no {@code data/last_good/}).
 *
 * <p>The child runs on the real clock, so the files are the engine's own (from {@code
 * fixtures/engine/}) with their times moved to "now". The time-dependent states are set on the
 * system metrics, whose freshness depends on nothing but its own time.
 */
class RenderChildTest {
  private static final long UNIVERSAL_TO_UNIX = 2_208_988_800L;
  private static final DateTimeFormatter JST_WALL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Tokyo"));
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @TempDir Path home;

  /** A state to render, with the badge that proves the child saw it. */
  enum Case {
    OK("🟢 OK"),
    STALE("🟠 STALE"),
    PARSE_ERROR("🔴 PARSE ERROR"),
    SCHEMA_MISMATCH("🟣 SCHEMA v3≠v2"),
    MISSING("⚫ MISSING"),
    CLOCK_SKEW("🔵 CLOCK SKEW");

    final String badge;

    Case(String badge) {
      this.badge = badge;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Case.class)
  void renderJson_isOneJsonDocumentOnStdoutAndTheHomeIsUntouched(Case state) throws Exception {
    Path config = home.resolve("config/swimmy-bot.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "home: " + home + "\n");
    layOut(state, Instant.now());
    Map<String, String> before = tree(home);

    Run run = render(config);

    assertThat(run.exit()).as("exit; stderr:%n%s", run.err()).isZero();
    JsonNode body = JSON.readTree(run.out()); // fails on anything before or after the document
    assertThat(run.out()).startsWith("{").endsWith("}\n");
    assertThat(body.get("embeds").isArray()).isTrue();
    assertThat(body.toString()).contains(state.badge);
    assertThat(tree(home)).isEqualTo(before);
    assertThat(home.resolve("data/last_good")).doesNotExist();
  }

  /** The engine's files, rewritten so that the targeted state holds now. */
  private void layOut(Case state, Instant now) throws IOException {
    if (state == Case.MISSING) {
      return; // an empty engine home: every source is missing
    }
    long nowUt = now.getEpochSecond() + UNIVERSAL_TO_UNIX;
    String live = Fixtures.text("engine/live_status.sexp")
        .replace("2026-11-29 13:35:23", JST_WALL.format(now))
        .replace("4004915716", Long.toString(nowUt));
    long metricsUt = switch (state) {
      case STALE -> nowUt - 3600;
      case CLOCK_SKEW -> nowUt + 3600;
      default -> nowUt;
    };
    if (state == Case.PARSE_ERROR) {
      live = live.substring(0, live.length() / 2);
    } else if (state == Case.SCHEMA_MISMATCH) {
      live = live.replace("(swimmy.shell::schema_version . 2)", "(swimmy.shell::schema_version . 3)");
    }
    put(".opus/live_status.sexp", live);
    put("data/system_metrics.sexp", Fixtures.text("engine/system_metrics.sexp")
        .replace("4004915723", Long.toString(metricsUt)));
    put("data/backtest_cache.sexp", Fixtures.text("engine/backtest_cache.sexp")
        .replace("4004915723", Long.toString(nowUt)));
  }

  private void put(String relative, String text) throws IOException {
    Path p = home.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private record Run(int exit, String out, String err) {}

  private static Run render(Path config) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "render", "--json", "--config", config.toString());
    pb.environment().keySet().removeIf(k -> k.startsWith("SWIMMY_") || k.equals("CREDENTIALS_DIRECTORY"));
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p, true));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p, false));
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("render did not exit within 60 s");
    }
    return new Run(p.exitValue(), new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
        new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(Process p, boolean stdout) {
    try {
      return (stdout ? p.getInputStream() : p.getErrorStream()).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file and folder under {@code root}: kind, size, mtime and content hash. */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what = a.isDirectory() ? "dir " + a.lastModifiedTime()
            : "file " + a.size() + " " + a.lastModifiedTime() + " " + sha256(p);
        out.put(root.relativize(p).toString(), what);
      }
    }
    return out;
  }

  private static String sha256(Path p) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
