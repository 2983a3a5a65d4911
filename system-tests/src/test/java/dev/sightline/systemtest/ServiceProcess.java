package dev.sightline.systemtest;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service started as a separate process, as ./sightline up starts it. */
final class ServiceProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final List<String> command;
  private final Map<String, String> env;
  private final Path log;
  private volatile Process process;

  private ServiceProcess(
      String name, int port, List<String> command, Map<String, String> env, Path log) {
    this.name = name;
    this.port = port;
    this.command = command;
    this.env = env;
    this.log = log;
  }

  /** Starts {@code module}'s fast-jar with the given environment on a free HTTP port. */
  static ServiceProcess start(Path root, String module, Map<String, String> env)
      throws IOException {
    return start(root, module, env, List.of(), module);
  }

  /**
   * Starts {@code module}'s fast-jar with extra JVM arguments (e.g. {@code -Dkey=value}) and its
   * log at {@code system-tests/target/service-logs/<logName>.log}.
   */
  static ServiceProcess start(
      Path root, String module, Map<String, String> env, List<String> jvmArgs, String logName)
      throws IOException {
    Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package the services first");
    }
    Path logs = root.resolve("system-tests/target/service-logs");
    Files.createDirectories(logs);
    List<String> command = new ArrayList<>(List.of("java", "-Xmx384m"));
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar.toString()));
    ServiceProcess service =
        new ServiceProcess(
            module, freePort(), command, Map.copyOf(env), logs.resolve(logName + ".log"));
    Files.deleteIfExists(service.log);
    service.launch();
    return service;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the process again on the same port with the same configuration; log appended. */
  void restart() throws IOException {
    if (process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    launch();
  }

  /** Kills the process without warning (SIGKILL, like kill -9) and waits until it is gone. */
  void killHard() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  /** Whether /q/health/ready answers 200; fails fast with the log tail if the process died. */
  boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException(name + " exited; log tail:\n" + tail());
    }
    try {
      HttpResponse<Void> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String tail() {
    try {
      var lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process != null) {
      ChildProcesses.stop(process, 15);
    }
  }

  @Override
  public String toString() {
    return name + "@" + port;
  }

  private void launch() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    process = ChildProcesses.track(builder.start());
  }
}
