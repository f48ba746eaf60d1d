package dev.swimmy.bot.core.history;

import java.util.Arrays;
import java.util.Objects;

/**
 * One rendered chart: the same picture as PNG (for Discord attachments) and SVG (for the local
 * page).
 *
 * @param fileName the attachment's file name, e.g. {@code pnl-today.png}; stable per chart, so
 *     an embed can refer to it as {@code attachment://pnl-today.png}
 * @param png the PNG bytes, well under Discord's attachment limit
 * @param svg the same chart as a standalone SVG document, with no external references
 * @param width width in pixels
 * @param height height in pixels
 * @param dataKey a key that changes exactly when the data drawn changes (not when only the
 *     rendering time does), so the panel replaces its image only when there is something new
 */
public record ChartImage(String fileName, byte[] png, String svg, int width, int height, String dataKey) {
  public ChartImage {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(png, "png");
    Objects.requireNonNull(svg, "svg");
    Objects.requireNonNull(dataKey, "dataKey");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("chart size must be positive: " + width + "x" + height);
    }
    png = png.clone();
  }

  /** The PNG bytes; a copy on each call. */
  @Override
  public byte[] png() {
    return png.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChartImage c && fileName.equals(c.fileName) && Arrays.equals(png, c.png)
        && svg.equals(c.svg) && width == c.width && height == c.height && dataKey.equals(c.dataKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, Arrays.hashCode(png), svg, width, height, dataKey);
  }

  @Override
  public String toString() {
    return "ChartImage[" + fileName + ", " + width + "x" + height + ", " + png.length + " bytes png, key "
        + dataKey + "]";
  }
}
