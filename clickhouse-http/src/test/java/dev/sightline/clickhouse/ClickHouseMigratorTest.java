package dev.sightline.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClickHouseMigratorTest {

  private ClickHouseClient clickHouse;

  @BeforeEach
  void freshDatabase() {
    clickHouse = TestClickHouse.freshDatabase("sl_migrate_test");
  }

  @AfterEach
  void drop() {
    TestClickHouse.drop(clickHouse);
  }

  @Test
  void migratesAFreshDatabaseAndRecordsEachMigration() {
    var applied = new ClickHouseMigrator(clickHouse).migrate();

    assertThat(applied).containsExactlyElementsOf(ClickHouseMigrator.index());
    assertThat(clickHouse.rows("SELECT name FROM system.tables WHERE database = currentDatabase()"))
        .extracting(r -> r.get("name").asText())
        .contains("traces", "observations", "scores", "schema_migrations");
  }

  @Test
  void aSecondRunOnAMigratedDatabaseChangesNothing() {
    new ClickHouseMigrator(clickHouse).migrate();

    var applied = new ClickHouseMigrator(clickHouse).migrate();

    assertThat(applied).isEmpty();
    assertThat(
            clickHouse.rows("SELECT count() AS n FROM schema_migrations").get(0).get("n").asInt())
        .isEqualTo(ClickHouseMigrator.index().size());
  }

  @Test
  void aRedeliveredRowIsNotVisibleTwiceThroughFinal() {
    new ClickHouseMigrator(clickHouse).migrate();
    String row =
        "{\"project_id\":\"p\",\"score_id\":\"s1\",\"trace_id\":\"t\",\"name\":\"latency\","
            + "\"value\":1.5,\"event_date\":\"2026-11-29\",\"timestamp\":\"2026-11-29 10:00:00\","
            + "\"timestamp_us\":1,\"version\":7}\n";

    clickHouse.insertJsonEachRow("scores", row.getBytes(StandardCharsets.UTF_8));
    clickHouse.insertJsonEachRow("scores", row.getBytes(StandardCharsets.UTF_8));

    assertThat(clickHouse.rows("SELECT count() AS n FROM scores FINAL").get(0).get("n").asInt())
        .isEqualTo(1);
  }

  @Test
  void splitsAFileIntoStatementsIgnoringComments() {
    assertThat(
            ClickHouseMigrator.statements(
                "-- c\nCREATE TABLE a (x UInt8) ENGINE = Log;\n\nSELECT 1;\n"))
        .containsExactly("CREATE TABLE a (x UInt8) ENGINE = Log", "SELECT 1");
  }
}
