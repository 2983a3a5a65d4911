package dev.sightline.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker of its own for tests that stop it: the jars ./sightline installs, the
 * broker template of tools/kafka-broker, data and log under {@code home}, free loopback ports.
 */
final class PrivateKafka implements AutoCloseable {

  private final Path root;
  private final Path home;
  private final Path lib;
  private final int port;
  private Process process;

  private PrivateKafka(Path root, Path home, Path lib, int port) {
    this.root = root;
    this.home = home;
    this.lib = lib;
    this.port = port;
  }

  /** Formats a fresh data directory under {@code home} and starts the broker on it. */
  static PrivateKafka start(Path root, Path home) throws IOException, InterruptedException {
    Path lib = Path.of(System.getProperty("sightline.kafka.lib", "")).normalize();
    if (lib.toString().isBlank() || lib.toString().startsWith("${")) {
      lib = root.resolve(".sightline/kafka/lib");
    }
    try (var jars = Files.list(lib)) {
      if (jars.noneMatch(j -> j.getFileName().toString().startsWith("kafka_2.13-"))) {
        throw new IOException("no kafka_2.13 jar");
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Kafka broker jars missing in " + lib + ": run ./sightline infra once", e);
    }
    Files.createDirectories(home.resolve("data"));
    int port = ServiceProcess.freePort();
    String properties =
        Files.readString(root.resolve("tools/kafka-broker/server.properties.template"))
            .replace("@DATA@", home.resolve("data").toString())
            .replace("@KAFKA_PORT@", Integer.toString(port))
            .replace("@KAFKA_CONTROLLER_PORT@", Integer.toString(ServiceProcess.freePort()));
    Files.writeString(home.resolve("server.properties"), properties);
    PrivateKafka kafka = new PrivateKafka(root, home, lib, port);
    kafka.format();
    kafka.start();
    return kafka;
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker on its existing data (again, after {@link #stop}). */
  void start() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-Xmx384m",
                "-Dlog4j2.configurationFile="
                    + root.resolve("tools/kafka-broker/log4j2.properties"),
                "-cp",
                lib + "/*",
                "kafka.Kafka",
                home.resolve("server.properties").toString())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(home.resolve("kafka.log").toFile()));
    process = ChildProcesses.track(builder.start());
    await("private Kafka listening on " + port)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(this::listening);
  }

  /** Stops the broker the way an operator does (SIGTERM, controlled shutdown). */
  void stop() {
    ChildProcesses.stop(process, 60);
  }

  @Override
  public void close() {
    if (process != null) {
      ChildProcesses.stop(process, 30);
    }
  }

  private boolean listening() {
    if (!process.isAlive()) {
      throw new IllegalStateException("private Kafka exited; see " + home.resolve("kafka.log"));
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void format() throws IOException, InterruptedException {
    Process formatting =
        new ProcessBuilder(
                List.of(
                    "java",
                    "-cp",
                    lib + "/*",
                    "kafka.tools.StorageTool",
                    "format",
                    "--standalone",
                    "-t",
                    clusterId(),
                    "-c",
                    home.resolve("server.properties").toString()))
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(home.resolve("kafka.log").toFile()))
            .start();
    ChildProcesses.track(formatting);
    if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
      formatting.destroyForcibly();
      throw new IllegalStateException(
          "formatting the private Kafka failed; see " + home.resolve("kafka.log"));
    }
  }

  /** A random cluster id as Kafka's Uuid prints it: 16 bytes, URL-safe base64, no '-' first. */
  private static String clusterId() {
    SecureRandom random = new SecureRandom();
    byte[] bytes = new byte[16];
    String id;
    do {
      random.nextBytes(bytes);
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (id.startsWith("-"));
    return id;
  }
}
