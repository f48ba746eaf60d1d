package dev.swimmy.bot.edge.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {

  @Test
  void partsKeepTheirBytes_evenWhenTheyHoldLineBreaksAndBoundaryLikeText() {
    byte[] data = "line\r\n--almost-boundary\r\n\r\nend".getBytes(StandardCharsets.UTF_8);
    Multipart m = new Multipart().field("payload_json", "application/json", "{\"content\":\"x\"}".getBytes())
        .file("files[3]", "a b.txt", "text/plain", data);
    String boundary = MultipartBody.boundary(m.contentType()).orElseThrow();

    List<MultipartBody.Part> parts = MultipartBody.parse(m.bytes(), boundary).orElseThrow();
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).name()).isEqualTo("payload_json");
    assertThat(parts.get(0).filename()).isEmpty();
    assertThat(parts.get(1).name()).isEqualTo("files[3]");
    assertThat(parts.get(1).filename()).contains("a b.txt");
    assertThat(parts.get(1).data()).isEqualTo(data);
  }

  @Test
  void aTruncatedOrForeignBody_isNoResult_notAnException() {
    Multipart m = new Multipart().field("payload_json", "application/json", "{}".getBytes());
    byte[] whole = m.bytes();
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
    String boundary = MultipartBody.boundary(m.contentType()).orElseThrow();
    assertThat(MultipartBody.parse(cut, boundary)).isEmpty();
    assertThat(MultipartBody.parse("no parts here".getBytes(), boundary)).isEmpty();
    assertThat(MultipartBody.boundary("application/json")).isEmpty();
    assertThat(MultipartBody.boundary("multipart/form-data; boundary=\"quoted b\"")).contains("quoted b");
  }
}
