package dev.swimmy.bot.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.sexp.SexpLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The backtest cache is read in memory that does not grow with the file: a child JVM with a
 * 64 MiB heap decodes a 200 MB engine-shaped cache streamed from a generator (never written to
 * disk, never held whole). The same child reading the same stream whole runs out of memory, which
 * shows that the heap bound is real.
 */
class BacktestBoundedMemoryTest {
  private static final int MEGABYTES = 200;

  @Test
  void a200MegabyteCache_isDecodedInA64MegabyteHeap() throws Exception {
    List<String> out = child("stream");
    assertThat(out).last().asString().startsWith("good ");
    String[] counts = out.get(out.size() - 1).split(" ");
    assertThat(Integer.parseInt(counts[1])).isGreaterThan(800_000).isEqualTo(Integer.parseInt(counts[2]));
  }

  @Test
  void theSameCacheReadWhole_doesNotFitThatHeap() throws Exception {
    assertThat(String.join("\n", child("whole"))).contains("OutOfMemoryError");
  }

  private static List<String> child(String mode) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode,
        String.valueOf(MEGABYTES))
        .redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = p.getInputStream()) {
      output = in.readNBytes(1 << 20);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child did not finish in 120 s");
    }
    return new String(output, StandardCharsets.UTF_8).lines().toList();
  }

  /** The child: decodes the generated cache streamed ("stream") or read whole first ("whole"). */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) throws Exception {
      long bytes = Long.parseLong(args[1]) * 1_000_000L;
      StatusDecoder decoder = new StatusDecoder(new SexpLimits(256 * 1024 * 1024, 64));
      EngineShapedCache cache = new EngineShapedCache(bytes);
      Instant mtime = Instant.parse("2026-11-29T00:00:00Z");
      ReadOutcome outcome = "whole".equals(args[0])
          ? decoder.decode(SourceId.BACKTEST_CACHE, cache.readAllBytes(), 1, mtime)
          : decoder.decodeStream(SourceId.BACKTEST_CACHE, () -> cache, 1, mtime);
      if (outcome instanceof ReadOutcome.Good good
          && good.snapshot() instanceof Snapshot.BacktestCache b) {
        System.out.println("good " + b.entryCount() + " " + cache.entries + " " + cache.produced);
      } else {
        System.out.println("bad " + outcome);
      }
    }
  }

  /**
   * An engine-shaped cache ({@code cache-backtest-result}'s shape, every run name distinct) of
   * about {@code bytes} bytes, made an entry at a time as it is read.
   */
  static final class EngineShapedCache extends InputStream {
    private final long bytes;
    private byte[] chunk = "((swimmy.school::schema_version . 1) (swimmy.school::entries"
        .getBytes(StandardCharsets.US_ASCII);
    private int at;
    private boolean closed;
    long produced;
    int entries;

    EngineShapedCache(long bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (at == chunk.length && !next()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - at);
      System.arraycopy(chunk, at, b, off, n);
      at += n;
      produced += n;
      return n;
    }

    private boolean next() {
      if (closed) {
        return false;
      }
      int i = entries;
      if (produced >= bytes) {
        chunk = "))\n".getBytes(StandardCharsets.US_ASCII);
        closed = true;
      } else {
        String name = "Bred-RSI-S-" + i + "-Gen" + (i % 7) + (i % 3 == 0 ? "-OOS" : "");
        chunk = (" ((swimmy.school::name . #A((" + name.length() + ") base-char . \"" + name
            + "\")) (swimmy.school::timestamp . " + (4_004_915_723L - i)
            + ") (swimmy.school::result :sharpe "
            + String.format(Locale.ROOT, "%.7f", (i * 7919 % 4000) / 1000.0 - 1)
            + " :trades " + (i % 300) + " :pnl " + (i % 10_000)
            + ".5 :win-rate 0.55 :profit-factor 1.8 :max-dd 0.12 :request-id nil))")
            .getBytes(StandardCharsets.US_ASCII);
        entries++;
      }
      at = 0;
      return true;
    }
  }
}
