package dev.sightline.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies the numbered migrations under {@code clickhouse/migrations/} (listed in its {@code
 * index}) that the database has not recorded yet, and records each in {@code schema_migrations}. An
 * applied migration whose file changed fails start-up: add a new migration instead.
 */
public final class ClickHouseMigrator {

  private static final Logger LOG = Logger.getLogger(ClickHouseMigrator.class);
  private static final String DIR = "/clickhouse/migrations/";
  // A backfill copies every stored row (0006: the 10M-observation bench set took 30 s here); the
  // service waits for it at start rather than fail half-migrated.
  private static final Duration STATEMENT_TIMEOUT = Duration.ofHours(2);

  private final ClickHouseClient clickHouse;

  public ClickHouseMigrator(ClickHouseClient clickHouse) {
    this.clickHouse = clickHouse;
  }

  /** Migrates the database; returns the names applied by this call. */
  public List<String> migrate() {
    clickHouse.createDatabaseIfMissing();
    clickHouse.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name String, checksum String,"
            + " applied_at DateTime) ENGINE = MergeTree ORDER BY name");
    Map<String, String> applied = new LinkedHashMap<>();
    for (JsonNode row : clickHouse.rows("SELECT name, checksum FROM schema_migrations")) {
      applied.put(row.get("name").asText(), row.get("checksum").asText());
    }
    List<String> done = new ArrayList<>();
    for (String name : index()) {
      String sql = read(DIR + name);
      String checksum = sha256(sql);
      String recorded = applied.get(name);
      if (recorded != null) {
        if (!recorded.equals(checksum)) {
          throw new IllegalStateException(
              "ClickHouse migration "
                  + name
                  + " was changed after it was applied; never edit an applied migration, add a new"
                  + " numbered one instead");
        }
        continue;
      }
      for (String statement : statements(sql)) {
        clickHouse.execute(statement, STATEMENT_TIMEOUT);
      }
      clickHouse.execute(
          "INSERT INTO schema_migrations (name, checksum, applied_at) VALUES ("
              + Sql.quote(name)
              + ", "
              + Sql.quote(checksum)
              + ", now())");
      LOG.infof("applied ClickHouse migration %s to %s", name, clickHouse.database());
      done.add(name);
    }
    return done;
  }

  /** The migration file names in order. */
  static List<String> index() {
    List<String> names = new ArrayList<>();
    for (String line : read(DIR + "index").split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        if (!name.matches("\\d{4}_[a-z0-9_]+\\.sql")) {
          throw new IllegalStateException("migration names are NNNN_verb_noun.sql, got " + name);
        }
        names.add(name);
      }
    }
    return names;
  }

  /** Splits a file into statements at lines ending with ';', dropping '--' comment lines. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        out.add(current.toString().strip().replaceAll(";$", ""));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = ClickHouseMigrator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
