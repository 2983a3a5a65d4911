package dev.sightline.query.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.ClickHouseException;
import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.search.SearchTooExpensiveException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs read queries with the per-request limits of {@code sightline.query} and hands their
 * JSONEachRow rows over one at a time, so no result is held whole in memory.
 */
@ApplicationScoped
public class ClickHouseRows {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject ClickHouseClient clickHouse;
  @Inject QueryConfig config;

  /** Streams the rows of a SELECT to {@code each}; closes the response at the end. */
  public void forEach(String select, Consumer<JsonNode> each) {
    try (InputStream in = open(select)) {
      forEachLine(in, each);
    } catch (IOException e) {
      throw new ClickHouseException("reading a ClickHouse result failed: " + e.getMessage(), 0, e);
    }
  }

  /** The raw JSONEachRow response of a SELECT; the caller closes it. */
  public InputStream open(String select) {
    Map<String, String> settings =
        Map.of(
            "max_execution_time",
            Long.toString(Math.max(1, config.query().timeout().toSeconds())),
            "max_result_rows",
            Long.toString(config.query().maxResultRows()));
    try {
      return clickHouse.stream(select + "\nFORMAT JSONEachRow", settings);
    } catch (ClickHouseException e) {
      // 159 TIMEOUT_EXCEEDED, 158/396 TOO_MANY_ROWS: the request is too broad, not a broken store.
      String message = String.valueOf(e.getMessage());
      if (message.contains("Code: 159")
          || message.contains("Code: 158")
          || message.contains("Code: 396")) {
        throw new SearchTooExpensiveException(
            "The query exceeded the time or row limit of the trace store; narrow from/to or add"
                + " filters.",
            e);
      }
      throw e;
    }
  }

  /** Parses a JSONEachRow stream line by line. */
  static void forEachLine(InputStream in, Consumer<JsonNode> each) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    while ((line = lines.readLine()) != null) {
      if (!line.isBlank()) {
        each.accept(row(line));
      }
    }
  }

  private static JsonNode row(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      // A failure after the first rows arrives as text in the body, not as an HTTP status.
      throw new ClickHouseException("unreadable row from ClickHouse: " + abbreviate(line), 0, e);
    }
  }

  private static String abbreviate(String line) {
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
