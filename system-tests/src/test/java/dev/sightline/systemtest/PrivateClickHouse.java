package dev.sightline.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A clickhouse-server of its own for tests that stop it: the config templates of tools/clickhouse,
 * data under {@code home}, free loopback ports.
 */
final class PrivateClickHouse implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path home;
  private final int httpPort;
  private Process process;

  private PrivateClickHouse(Path home, int httpPort) {
    this.home = home;
    this.httpPort = httpPort;
  }

  /** Writes a config under {@code home} and starts the server on it. */
  static PrivateClickHouse start(Path root, Path home) throws IOException {
    for (String dir : new String[] {"data", "tmp", "log", "user_files", "format_schemas"}) {
      Files.createDirectories(home.resolve(dir));
    }
    int httpPort = ServiceProcess.freePort();
    String config =
        Files.readString(root.resolve("tools/clickhouse/config.xml.template"))
            .replace("@HOME@", home.toString())
            .replace("@CLICKHOUSE_HTTP_PORT@", Integer.toString(httpPort))
            .replace("@CLICKHOUSE_TCP_PORT@", Integer.toString(ServiceProcess.freePort()));
    Files.writeString(home.resolve("config.xml"), config);
    Files.copy(
        root.resolve("tools/clickhouse/users.xml"),
        home.resolve("users.xml"),
        StandardCopyOption.REPLACE_EXISTING);
    PrivateClickHouse clickHouse = new PrivateClickHouse(home, httpPort);
    clickHouse.start();
    return clickHouse;
  }

  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Starts the server on its existing data (again, after {@link #stop}). */
  void start() throws IOException {
    String binary = System.getProperty("sightline.clickhouse.server", "clickhouse-server");
    ProcessBuilder builder =
        new ProcessBuilder(binary, "--config-file=" + home.resolve("config.xml"))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(home.resolve("stdout.log").toFile()));
    process = ChildProcesses.track(builder.start());
    await("private ClickHouse answering on " + httpPort)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(this::pings);
  }

  /** Stops the server (SIGTERM) and waits until it is gone. */
  void stop() {
    ChildProcesses.stop(process, 60);
  }

  /** Runs a query and returns the body (TabSeparated unless the SQL says otherwise). */
  String query(String sql) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url() + "/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("ClickHouse answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  @Override
  public void close() {
    if (process != null) {
      ChildProcesses.stop(process, 30);
    }
  }

  private boolean pings() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "private ClickHouse exited; see " + home.resolve("log/clickhouse-server.err.log"));
    }
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(url() + "/ping"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
