package dev.sightline.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The few HTTP calls the bench makes: admin JSON, authenticated GETs, ClickHouse statements. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private Http() {}

  static String basic(String publicKey, String secretKey) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((publicKey + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
  }

  /** POSTs JSON with an Authorization header; the answer must be 2xx. */
  static JsonNode postJson(URI uri, String authorization, String body) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    String answer = checked("" + uri, send(request, HttpResponse.BodyHandlers.ofString()));
    return JSON.readTree(answer);
  }

  /** GETs and returns the body as a stream (2xx only), for bodies that must not be buffered. */
  static InputStream getStream(URI uri, String authorization) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", authorization)
            .GET()
            .build();
    HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 != 2) {
      try (InputStream in = response.body()) {
        throw new IOException(
            "GET "
                + uri
                + " -> "
                + response.statusCode()
                + ": "
                + new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return response.body();
  }

  /** GETs and returns the body; throws with the problem detail on a non-2xx answer. */
  static String get(URI uri, String authorization) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", authorization)
            .GET()
            .build();
    return checked("" + uri, send(request, HttpResponse.BodyHandlers.ofString()));
  }

  /** Runs one ClickHouse statement over HTTP and returns its text output. */
  static String clickhouse(URI base, String database, String sql) throws IOException {
    URI uri = URI.create(base + "/?database=" + database);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofMinutes(30))
            .POST(HttpRequest.BodyPublishers.ofString(sql))
            .build();
    String first = sql.lines().filter(l -> !l.startsWith("--")).findFirst().orElse("");
    return checked(
        "ClickHouse (" + first + ")", send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException {
    try {
      return CLIENT.send(request, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String checked(String what, HttpResponse<String> response) throws IOException {
    if (response.statusCode() / 100 != 2) {
      throw new IOException(what + " -> " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
