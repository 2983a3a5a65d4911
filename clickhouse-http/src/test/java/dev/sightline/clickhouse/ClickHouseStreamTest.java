package dev.sightline.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClickHouseStreamTest {

  private ClickHouseClient clickHouse;

  @BeforeEach
  void freshDatabase() {
    clickHouse = TestClickHouse.freshDatabase("sl_stream_test");
    clickHouse.createDatabaseIfMissing();
  }

  @AfterEach
  void drop() {
    TestClickHouse.drop(clickHouse);
  }

  @Test
  void streamsAResultLargerThanAnyBufferLineByLine() throws Exception {
    long lines = 0;
    long sum = 0;
    try (InputStream in =
            clickHouse.stream(
                "SELECT number FROM system.numbers LIMIT 300000 FORMAT TSV", Map.of());
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1024)) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        sum += Long.parseLong(line);
      }
    }
    assertThat(lines).isEqualTo(300_000);
    assertThat(sum).isEqualTo(299_999L * 300_000 / 2);
  }

  @Test
  void aRefusedStatementThrowsBeforeAnythingIsRead() {
    assertThatThrownBy(() -> clickHouse.stream("SELECT nope FROM nowhere", Map.of()))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("ClickHouse answered");
  }
}
