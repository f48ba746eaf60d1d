package dev.swimmy.bot.core.relay;

import java.util.Objects;

/**
 * One file of a webhook message, as Discord takes it: the part {@code files[index]} with its file
 * name and content type. {@code index} is the {@code n} the caller used, so the {@code
 * attachments[].id} of its {@code payload_json} still point at the right file.
 *
 * @param index the {@code n} of {@code files[n]}
 * @param filename the file name Discord shows
 * @param contentType the part's MIME type
 * @param data the file's bytes
 */
public record Attachment(int index, String filename, String contentType, byte[] data) {
  public Attachment {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(data, "data");
    if (index < 0) {
      throw new IllegalArgumentException("an attachment index is not negative");
    }
  }

  @Override
  public String toString() {
    return "Attachment[files[" + index + "] " + filename + ", " + data.length + " bytes]";
  }
}
