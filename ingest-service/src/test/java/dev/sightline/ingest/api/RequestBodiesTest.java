package dev.sightline.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.ingest.domain.MalformedRequestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Body size limits before and after decompression; HTTP-level checks are in BadInputTest. */
class RequestBodiesTest {

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  @Test
  void refusesABodyOverTheLimitWith413() {
    assertThatThrownBy(() -> RequestBodies.read(new byte[101], null, 100))
        .isInstanceOfSatisfying(
            Problem.class, p -> assertThat(p.status().getStatusCode()).isEqualTo(413))
        .hasMessageContaining("request body exceeds 100 bytes");
  }

  @Test
  void stopsInflatingAGzipBombAtTheLimit() throws IOException {
    byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
    assertThat(bomb.length).isLessThan(100 * 1024);

    assertThatThrownBy(() -> RequestBodies.read(bomb, "gzip", 1024 * 1024))
        .isInstanceOfSatisfying(
            Problem.class, p -> assertThat(p.status().getStatusCode()).isEqualTo(413))
        .hasMessageContaining("decompressed request body exceeds");
  }

  @Test
  void refusesCorruptGzipWith400() {
    assertThatThrownBy(() -> RequestBodies.read(new byte[] {31, -117, 8, 0, 1}, "gzip", 100))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("not valid gzip");
  }

  @Test
  void refusesAnUnknownContentEncodingWith415() {
    assertThatThrownBy(() -> RequestBodies.read(new byte[1], "br", 100))
        .isInstanceOfSatisfying(
            Problem.class, p -> assertThat(p.status().getStatusCode()).isEqualTo(415));
  }

  @Test
  void acceptsGzipWithinTheLimit() throws IOException {
    assertThat(RequestBodies.read(gzip("{}".getBytes()), "x-gzip", 100)).isEqualTo("{}".getBytes());
  }
}
