package dev.swimmy.bot.core.relay;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Short, log-safe previews of untrusted frames: webhook tokens become {@code ****}, control and
 * non-printable characters become {@code ?}, and the text is cut to a few dozen characters.
 */
public final class Redaction {
  private static final int PREVIEW_CHARS = 120;
  private static final Pattern TOKEN = Pattern.compile("(webhooks/[^/\\s\"]*/)[^\\s\"')]+");

  private Redaction() {}

  /** A preview of raw frame bytes (decoded leniently; garbage shows as {@code ?}). */
  public static String preview(byte[] frame) {
    int n = Math.min(frame.length, PREVIEW_CHARS * 4);
    return preview(new String(frame, 0, n, StandardCharsets.UTF_8));
  }

  /** A preview of text: tokens masked first, so cutting can never leave half a token visible. */
  public static String preview(String text) {
    String masked = redact(text.length() > PREVIEW_CHARS * 4 ? text.substring(0, PREVIEW_CHARS * 4) : text);
    StringBuilder out = new StringBuilder(Math.min(masked.length(), PREVIEW_CHARS + 1));
    for (int i = 0; i < masked.length() && out.length() < PREVIEW_CHARS; i++) {
      char c = masked.charAt(i);
      out.append(c >= 0x20 && c != 0x7F && c != '\uFFFD' ? c : '?');
    }
    if (masked.length() > PREVIEW_CHARS) {
      out.append('…');
    }
    return out.toString();
  }

  /** Replaces the token part of every webhook URL in {@code text} with {@code ****}. */
  public static String redact(String text) {
    return TOKEN.matcher(text).replaceAll("$1****");
  }
}
