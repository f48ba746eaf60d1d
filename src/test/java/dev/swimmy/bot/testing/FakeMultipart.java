package dev.swimmy.bot.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/**
 * A {@code multipart/form-data} Execute Webhook body as Discord reads it: the {@code payload_json}
 * part and the file parts ({@code files[n]}, or the older {@code file} / {@code fileN}), read with
 * OkHttp's {@link MultipartReader} so the fake does not share the relay's own parser.
 */
record FakeMultipart(Optional<String> payloadJson, List<FakeWebhook.File> files, boolean malformed) {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");
  private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"");

  /** Empty when the content type is not multipart. */
  static Optional<FakeMultipart> read(String contentType, ByteString raw) {
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher b = BOUNDARY.matcher(contentType);
    if (!b.find() || raw == null) {
      return Optional.of(new FakeMultipart(Optional.empty(), List.of(), true));
    }
    Optional<String> payload = Optional.empty();
    List<FakeWebhook.File> files = new ArrayList<>();
    try (MultipartReader reader = new MultipartReader(new Buffer().write(raw), b.group(1))) {
      for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
        String disposition = part.headers().get("Content-Disposition");
        byte[] data = part.body().readByteArray();
        Matcher name = NAME.matcher(disposition == null ? "" : disposition);
        if (!name.find()) {
          return Optional.of(new FakeMultipart(Optional.empty(), List.of(), true));
        }
        Matcher filename = FILENAME.matcher(disposition);
        if (name.group(1).equals("payload_json")) {
          payload = Optional.of(new String(data, java.nio.charset.StandardCharsets.UTF_8));
        } else if (filename.find()) {
          String type = part.headers().get("Content-Type");
          files.add(new FakeWebhook.File(name.group(1), filename.group(1),
              type == null ? "application/octet-stream" : type, data));
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.of(new FakeMultipart(Optional.empty(), List.of(), true));
    }
    return Optional.of(new FakeMultipart(payload, files, false));
  }
}
