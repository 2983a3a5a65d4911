package dev.sightline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's java.net.http client over HTTP/1.1 (its pool keeps one connection per worker). */
final class JdkHttpClient implements IngestClient {

  private final HttpClient client;
  private final URI uri;
  private final String authorization;

  JdkHttpClient(HttpClient client, URI uri, String authorization) {
    this.client = client;
    this.uri = uri;
    this.authorization = authorization;
  }

  static HttpClient shared() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Override
  public int post(byte[] body, int length) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body, 0, length))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Override
  public void close() {
    // the shared client's connections close with the JVM
  }
}
