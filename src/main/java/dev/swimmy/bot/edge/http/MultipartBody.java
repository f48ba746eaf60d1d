package dev.swimmy.bot.edge.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) split into its parts: name, optional file name,
 * content type and bytes. Only what an Execute Webhook call needs; a malformed body is an empty
 * result, never an exception. Part headers are capped so a hostile body cannot make us buffer
 * more than it already is.
 */
final class MultipartBody {
  private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,200})\"|([^;\\s]{1,200}))");
  private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");
  private static final int HEADERS_MAX = 8192;

  private MultipartBody() {}

  /** One part. {@code filename} is empty for a plain field such as {@code payload_json}. */
  record Part(String name, Optional<String> filename, String contentType, byte[] data) {
    String text() {
      return new String(data, StandardCharsets.UTF_8);
    }
  }

  /** The boundary of a {@code multipart/form-data} content type, if it is one. */
  static Optional<String> boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
  }

  /** The parts, or empty when the body is not well-formed multipart with this boundary. */
  static Optional<List<Part>> parse(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      return Optional.empty();
    }
    List<Part> parts = new ArrayList<>();
    while (true) {
      int after = at + delimiter.length;
      if (startsWith(body, after, "--")) {
        return Optional.of(parts);
      }
      if (!startsWith(body, after, "\r\n")) {
        return Optional.empty();
      }
      int headersStart = after + 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0 || headersEnd - headersStart > HEADERS_MAX) {
        return Optional.empty();
      }
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
      if (next < 0) {
        return Optional.empty();
      }
      Optional<Part> part = part(new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8),
          java.util.Arrays.copyOfRange(body, headersEnd + 4, next));
      if (part.isEmpty()) {
        return Optional.empty();
      }
      parts.add(part.get());
      at = next + 2;
    }
  }

  private static Optional<Part> part(String headers, byte[] data) {
    String disposition = null;
    String type = "application/octet-stream";
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("content-disposition")) {
        disposition = value;
      } else if (key.equals("content-type") && !value.isEmpty()) {
        type = value;
      }
    }
    if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
      return Optional.empty();
    }
    Matcher name = NAME.matcher(disposition);
    if (!name.find()) {
      return Optional.empty();
    }
    Matcher file = FILENAME.matcher(disposition);
    Optional<String> filename = file.find() ? Optional.of(file.group(1)) : Optional.empty();
    return Optional.of(new Part(name.group(1), filename, type, data));
  }

  private static boolean startsWith(byte[] body, int at, String text) {
    if (at + text.length() > body.length) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (body[at + i] != text.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] body, byte[] what, int from) {
    outer:
    for (int i = Math.max(0, from); i <= body.length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (body[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
