package dev.sightline.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChunkedInsertTest {

  private ClickHouseClient clickHouse;

  @BeforeEach
  void freshDatabase() {
    clickHouse = TestClickHouse.freshDatabase("sl_chunked_insert_test");
    clickHouse.createDatabaseIfMissing();
    clickHouse.execute("CREATE TABLE t (id UInt32, text String) ENGINE = MergeTree ORDER BY id");
  }

  @AfterEach
  void drop() {
    TestClickHouse.drop(clickHouse);
  }

  @Test
  void aBodyCutInsideRowsAndInsideAMultiByteCharacterArrivesWhole() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      body.append("{\"id\":").append(i).append(",\"text\":\"zürich ").append(i).append("\"}\n");
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    // 7-byte pieces cut keys, numbers and the two bytes of every 'ü' apart.
    List<byte[]> chunks = new ArrayList<>();
    for (int from = 0; from < bytes.length; from += 7) {
      chunks.add(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 7)));
    }

    clickHouse.insertJsonEachRow("t", chunks);

    var rows = clickHouse.rows("SELECT count() AS n, sum(id) AS s, any(text) AS x FROM t");
    assertThat(rows.get(0).get("n").asInt()).isEqualTo(300);
    assertThat(rows.get(0).get("s").asLong()).isEqualTo(299L * 300 / 2);
    assertThat(rows.get(0).get("x").asText()).startsWith("zürich ");
  }

  @Test
  void theSameChunksCanBeSentAgainAsARetryDoes() {
    List<byte[]> chunks =
        List.of(
            "{\"id\":1,\"te".getBytes(StandardCharsets.UTF_8),
            "xt\":\"a\"}\n".getBytes(StandardCharsets.UTF_8));

    clickHouse.insertJsonEachRow("t", chunks);
    clickHouse.insertJsonEachRow("t", chunks);

    assertThat(
            clickHouse.rows("SELECT count() AS n FROM t WHERE text = 'a'").get(0).get("n").asInt())
        .isEqualTo(2);
  }
}
