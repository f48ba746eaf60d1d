package dev.swimmy.bot.core.history;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of exactly what a chart draws (its window, values, gaps, shading and marks), so that
 * the key of a {@link ChartImage} changes when, and only when, the picture's data does.
 */
final class DataKey {
  private final MessageDigest digest;
  private final ByteBuffer buf = ByteBuffer.allocate(Long.BYTES);

  DataKey(String chart) {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    add(chart);
  }

  DataKey add(String s) {
    byte[] b = (s == null ? "\0null" : s).getBytes(StandardCharsets.UTF_8);
    add(b.length);
    digest.update(b);
    return this;
  }

  DataKey add(long v) {
    buf.clear();
    buf.putLong(v);
    digest.update(buf.array());
    return this;
  }

  DataKey add(Double v) {
    return v == null ? add("\0nil") : add(Double.doubleToLongBits(v));
  }

  DataKey add(Instant t) {
    return add(t.getEpochSecond()).add(t.getNano());
  }

  DataKey add(Interval i) {
    return add(i.from()).add(i.to());
  }

  DataKey addIntervals(List<Interval> list) {
    add(list.size());
    list.forEach(this::add);
    return this;
  }

  DataKey add(Point p) {
    return p == null ? add("\0nopoint") : add(p.at()).add(Double.doubleToLongBits(p.value()));
  }

  DataKey add(Timeline t) {
    add(t.window()).add(t.segments().size());
    for (List<Point> seg : t.segments()) {
      add(seg.size());
      seg.forEach(this::add);
    }
    return addIntervals(t.gaps()).addIntervals(t.closed());
  }

  /** The key: the first 128 bits of the digest, in hex. */
  String key() {
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }
}
