package dev.sightline.enrich.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JsonEachRowBodyTest {

  @Test
  void rowsLargerThanAChunkAndRowsAcrossChunkBordersReadBackInOrderOneLineEach() {
    JsonEachRowBody body = new JsonEachRowBody();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    byte[] big = new byte[JsonEachRowBody.CHUNK_BYTES * 2 + 17];
    Arrays.fill(big, (byte) 'x');
    for (int i = 0; i < 5_000; i++) {
      byte[] row = i == 2_500 ? big : ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8);
      body.add(row);
      expected.writeBytes(row);
      expected.write('\n');
    }

    assertThat(concat(body)).isEqualTo(expected.toByteArray());
  }

  @Test
  void noChunkIsLargerThanTheChunkSizeSoNoneIsAHumongousObject() {
    JsonEachRowBody body = new JsonEachRowBody();
    byte[] row = new byte[1_000];
    for (int i = 0; i < 3_000; i++) {
      body.add(row);
    }

    // 3,000 rows of 1,001 bytes: 11 full chunks and a partial one.
    assertThat(body.chunks())
        .hasSize(3_000 * 1_001 / JsonEachRowBody.CHUNK_BYTES + 1)
        .allSatisfy(c -> assertThat(c.length).isLessThanOrEqualTo(JsonEachRowBody.CHUNK_BYTES));
  }

  @Test
  void readingTheChunksTwiceGivesTheSameBodyAndLeavesItOpenForMoreRows() {
    JsonEachRowBody body = new JsonEachRowBody().add(bytes("{\"a\":1}"));

    assertThat(text(body)).isEqualTo(text(body)).isEqualTo("{\"a\":1}\n");
    body.add(bytes("{\"b\":2}"));
    assertThat(text(body)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
  }

  @Test
  void anEmptyBodyHasNoChunks() {
    assertThat(new JsonEachRowBody().chunks()).isEmpty();
  }

  /** The body as text, for assertions. */
  static String text(JsonEachRowBody body) {
    return new String(concat(body), StandardCharsets.UTF_8);
  }

  private static byte[] concat(JsonEachRowBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.chunks().forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
