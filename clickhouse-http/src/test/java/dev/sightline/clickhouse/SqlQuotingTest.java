package dev.sightline.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SqlQuotingTest {

  private static ClickHouseClient clickHouse;

  @BeforeAll
  static void connect() {
    clickHouse = TestClickHouse.freshDatabase("sl_quote_test");
    clickHouse.createDatabaseIfMissing();
  }

  @AfterAll
  static void drop() {
    TestClickHouse.drop(clickHouse);
  }

  @Test
  void injectionStringsComeBackFromClickHouseLiterally() {
    List<String> nasty =
        List.of(
            "'",
            "\\",
            "\\'",
            "' OR 1=1 --",
            "'); DROP TABLE x; --",
            "x' FORMAT TSV",
            "' SETTINGS max_threads=1 --",
            "{x:String}",
            "a\u0000b",
            "line\nbreak\ttab\rcr",
            "\u0001\u001f\u007f",
            "Привет, мир",
            "日本語のテキスト",
            "emoji 😀 ok",
            "");
    for (String value : nasty) {
      assertThat(roundTrip(value)).as("round trip of %s", value).isEqualTo(value);
    }
  }

  @Test
  void randomStringsComeBackFromClickHouseLiterally() {
    Random random = new Random(20261129L);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(24);
      for (int j = 0; j < len; j++) {
        int pick = random.nextInt(10);
        int cp =
            switch (pick) {
              case 0 -> random.nextInt(0x20); // control characters
              case 1 -> "'\\\"`{}();".charAt(random.nextInt(9));
              case 2 -> 0x400 + random.nextInt(0x100); // Cyrillic
              case 3 -> 0x1F600 + random.nextInt(0x40); // emoji, outside the BMP
              default -> 0x20 + random.nextInt(0x5f);
            };
        s.appendCodePoint(cp);
      }
      values.add(s.toString());
    }
    for (String value : values) {
      assertThat(roundTrip(value)).as("round trip of %s", value).isEqualTo(value);
    }
  }

  @Test
  void unsafeIdentifiersAreRejectedNotEscaped() {
    assertThatThrownBy(() -> Sql.identifier("traces; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sql.identifier("`x`")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Sql.identifier("observations")).isEqualTo("observations");
  }

  @Test
  void nonFiniteNumbersAreRejected() {
    assertThatThrownBy(() -> Sql.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sql.number(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String roundTrip(String value) {
    return clickHouse.rows("SELECT " + Sql.quote(value) + " AS v").get(0).get("v").asText();
  }
}
