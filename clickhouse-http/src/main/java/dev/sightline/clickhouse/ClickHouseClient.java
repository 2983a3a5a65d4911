package dev.sightline.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Talks to ClickHouse over its HTTP interface: the SQL goes in the POST body, settings as URL
 * parameters. Works on 18.16 (whose protocol current JDBC drivers cannot speak) and on current
 * releases. Thread-safe.
 */
public final class ClickHouseClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String database;
  private final HttpClient http;
  private final Duration requestTimeout;

  public ClickHouseClient(String url, String database, Duration requestTimeout) {
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.database = Sql.identifier(database);
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The database every statement runs in. */
  public String database() {
    return database;
  }

  /** Creates the database if it does not exist (runs without a default database). */
  public void createDatabaseIfMissing() {
    send("CREATE DATABASE IF NOT EXISTS " + database, Map.of(), false);
  }

  /** Drops the whole database; for tests and tear-down only. */
  public void dropDatabaseIfExists() {
    send("DROP DATABASE IF EXISTS " + database, Map.of(), false);
  }

  /** Runs a statement that returns nothing of interest (DDL, ALTER, INSERT ... SELECT). */
  public void execute(String sql) {
    send(sql, Map.of(), true);
  }

  /**
   * {@link #execute(String)} waiting up to {@code timeout} instead of the request timeout: for a
   * migration's backfill ({@code INSERT … SELECT} of every stored row), which outlasts any timeout
   * meant for a query.
   */
  public void execute(String sql, Duration timeout) {
    HttpRequest request =
        request(Map.of(), true)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    exchange(request, sql);
  }

  /** Runs a query and returns the raw response body (add a FORMAT clause to the SQL). */
  public String query(String sql) {
    return send(sql, Map.of(), true);
  }

  /** Runs a query with per-request settings (e.g. max_execution_time) and returns the body. */
  public String query(String sql, Map<String, String> settings) {
    return send(sql, settings, true);
  }

  /** Runs a SELECT and returns its rows, one JSON object each (FORMAT JSONEachRow is appended). */
  public List<JsonNode> rows(String select) {
    String body = send(select + "\nFORMAT JSONEachRow", Map.of(), true);
    List<JsonNode> out = new ArrayList<>();
    for (String line : body.split("\n")) {
      if (!line.isBlank()) {
        try {
          out.add(JSON.readTree(line));
        } catch (IOException e) {
          throw new ClickHouseException("unreadable row from ClickHouse: " + line, 0, e);
        }
      }
    }
    return out;
  }

  /**
   * Runs a query and returns the response body as it arrives, for results too large to hold in
   * memory; the caller must close the stream. A refused statement throws before anything is read.
   */
  public InputStream stream(String sql, Map<String, String> settings) {
    HttpRequest request =
        request(settings, true)
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        String body;
        try (InputStream in = response.body()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        throw refused(response.statusCode(), body, sql);
      }
      return response.body();
    } catch (IOException e) {
      throw new ClickHouseException(
          "ClickHouse unreachable at " + base + ": " + e.getMessage(), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted talking to ClickHouse", 0, e);
    }
  }

  /** Inserts rows given as JSON objects (one per line) into a table with FORMAT JSONEachRow. */
  public void insertJsonEachRow(String table, byte[] jsonLines) {
    insertJsonEachRow(table, List.of(jsonLines));
  }

  /**
   * The same with the body in pieces, sent in order with their total as Content-Length: a large
   * body need not be one array. The list is read again by each call, so a retry resends it.
   *
   * @param chunks consecutive pieces of the JSONEachRow body
   */
  public void insertJsonEachRow(String table, List<byte[]> chunks) {
    long length = 0;
    for (byte[] chunk : chunks) {
      length += chunk.length;
    }
    String sql = "INSERT INTO " + Sql.identifier(table) + " FORMAT JSONEachRow";
    HttpRequest.BodyPublisher body =
        length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArrays(chunks), length);
    exchange(request(Map.of("query", sql), true).POST(body).build(), sql);
  }

  /** Whether the server answers its ping. */
  public boolean ping() {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("ping")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String send(String sql, Map<String, String> settings, boolean inDatabase) {
    HttpRequest request =
        request(settings, inDatabase)
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    return exchange(request, sql);
  }

  private HttpRequest.Builder request(Map<String, String> params, boolean inDatabase) {
    Map<String, String> all = new TreeMap<>(params);
    if (inDatabase) {
      all.put("database", database);
    }
    StringBuilder q = new StringBuilder();
    all.forEach(
        (k, v) ->
            q.append(q.isEmpty() ? "?" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(base.resolve(q.toString()))
        .timeout(requestTimeout)
        .header("Content-Type", "text/plain; charset=utf-8");
  }

  private String exchange(HttpRequest request, String sql) {
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (response.statusCode() != 200) {
        throw refused(response.statusCode(), body, sql);
      }
      return body;
    } catch (IOException e) {
      throw new ClickHouseException(
          "ClickHouse unreachable at " + base + ": " + e.getMessage(), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClickHouseException("interrupted talking to ClickHouse", 0, e);
    }
  }

  private static ClickHouseException refused(int status, String body, String sql) {
    return new ClickHouseException(
        "ClickHouse answered " + status + ": " + body.strip() + " — for: " + abbreviate(sql),
        status,
        null);
  }

  private static String abbreviate(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
