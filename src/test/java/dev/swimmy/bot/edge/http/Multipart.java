package dev.swimmy.bot.edge.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A {@code multipart/form-data} body built by hand, as a tool's HTTP library would send it. */
final class Multipart {
  private final String boundary = "----tool-boundary-7MA4YWxkTrZu0gW";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Multipart field(String name, String type, byte[] data) {
    return part("form-data; name=\"" + name + "\"", type, data);
  }

  Multipart file(String name, String filename, String type, byte[] data) {
    return part("form-data; name=\"" + name + "\"; filename=\"" + filename + "\"", type, data);
  }

  private Multipart part(String disposition, String type, byte[] data) {
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + type
        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.writeBytes(data);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] bytes() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.writeBytes(out.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return all.toByteArray();
  }
}
