package dev.sightline.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * ClickHouse over HTTP the way enrich's sink talks to it: {@code java.net.http}, SQL in the URL or
 * body, one request at a time per caller.
 */
final class ClickHouseHttp {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private final String database;

  ClickHouseHttp(URI base, String database) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b : b + "/");
    this.database = database;
  }

  /** Runs a statement and returns its text output (TabSeparated unless the SQL says otherwise). */
  String query(String sql) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url(""))
            .timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
            .build();
    return checked(sql, send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** A single number, e.g. of {@code SELECT count()}. */
  long number(String sql) throws IOException {
    return Long.parseLong(query(sql).trim());
  }

  /**
   * Streams a SELECT's JSONEachRow output into {@code file}. 64-bit integers unquoted: that is how
   * the sink writes them, and how the insert format reads them on 18.16.
   */
  void selectToFile(String select, Path file) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url("&output_format_json_quote_64bit_integers=0"))
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofString(select + "\nFORMAT JSONEachRow"))
            .build();
    HttpResponse<Path> response = send(request, HttpResponse.BodyHandlers.ofFile(file));
    if (response.statusCode() != 200) {
      throw new IOException("ClickHouse (" + select + ") -> " + response.statusCode());
    }
  }

  /** {@code INSERT INTO table FORMAT JSONEachRow} with the rows in the body, as the sink does. */
  void insertJsonEachRow(String table, byte[] rows, int length) throws IOException {
    String sql = "INSERT INTO " + table + " FORMAT JSONEachRow";
    HttpRequest request =
        HttpRequest.newBuilder(url("&query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofByteArray(rows, 0, length))
            .build();
    checked(sql, send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private URI url(String params) {
    return base.resolve(
        "?database=" + URLEncoder.encode(database, StandardCharsets.UTF_8) + params);
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return client.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String checked(String sql, HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 200) {
      String first = sql.lines().findFirst().orElse("");
      throw new IOException(
          "ClickHouse ("
              + first
              + ") -> "
              + response.statusCode()
              + ": "
              + response.body().lines().findFirst().orElse(""));
    }
    return response.body();
  }
}
