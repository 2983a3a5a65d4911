package dev.sightline.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** What one run of {@link IngestBench} does: target, keys, load shape and phase lengths. */
record BenchOptions(
    URI tracesUrl,
    String publicKey,
    String secretKey,
    String bootstrap,
    Duration warmup,
    Duration duration,
    Duration halfRateDuration,
    int halfRateSpans,
    Duration kafkaDuration,
    int concurrency,
    int batchSize,
    int batches,
    String client) {

  static final String USAGE =
      """
      usage: IngestBench [--url URL] [--public-key PK] [--secret-key SK] [--env-file FILE]
                         [--bootstrap HOST:PORT] [--duration 60] [--warmup 60] [--half-rate-duration 20]
                         [--half-rate-spans N (phase 2's rate; default half of phase 1's)]
                         [--kafka-duration 20 (phase 3 and 3b each)] [--concurrency 24] [--batch-size 100] [--batches 200]
                         [--client raw|jdk]
        URL and keys default to SIGHTLINE_INGEST_URL / SIGHTLINE_PUBLIC_KEY / SIGHTLINE_SECRET_KEY from
        the environment, else from --env-file (default .sightline/demo.env). Durations in seconds;
        0 skips a phase. Bootstrap defaults to SIGHTLINE_KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092.
      """;

  /** Options from the command line, then the environment, then the demo.env file. */
  static BenchOptions parse(String[] args, Map<String, String> env) throws IOException {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("unexpected argument " + arg + "\n" + USAGE);
      }
      flags.put(arg.substring(2), args[++i]);
    }
    Map<String, String> file =
        readEnvFile(Path.of(flags.getOrDefault("env-file", ".sightline/demo.env")));
    String url =
        first(flags.get("url"), env.get("SIGHTLINE_INGEST_URL"), file.get("SIGHTLINE_INGEST_URL"));
    String pk =
        first(
            flags.get("public-key"),
            env.get("SIGHTLINE_PUBLIC_KEY"),
            file.get("SIGHTLINE_PUBLIC_KEY"));
    String sk =
        first(
            flags.get("secret-key"),
            env.get("SIGHTLINE_SECRET_KEY"),
            file.get("SIGHTLINE_SECRET_KEY"));
    if (url == null || pk == null || sk == null) {
      throw new IllegalArgumentException(
          "no ingest URL or keys: run ./sightline up (writes .sightline/demo.env) or pass --url,"
              + " --public-key, --secret-key\n"
              + USAGE);
    }
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    String client = flags.getOrDefault("client", "raw");
    if (!client.equals("raw") && !client.equals("jdk")) {
      throw new IllegalArgumentException("--client must be raw or jdk, got " + client);
    }
    return new BenchOptions(
        URI.create(base.endsWith("/v1/traces") ? base : base + "/v1/traces"),
        pk,
        sk,
        first(
            flags.get("bootstrap"), env.get("SIGHTLINE_KAFKA_BOOTSTRAP_SERVERS"), "127.0.0.1:9092"),
        // A just-started ingest JVM under full load took about 60 s to reach its steady rate here
        // (C2 compiling on two busy cores: 22k spans/s in the first 10 s, 55k after a minute).
        // The goal is about a running service, so the bench warms it first and prints the ramp.
        seconds(flags, "warmup", 60),
        seconds(flags, "duration", 60),
        seconds(flags, "half-rate-duration", 20),
        // 0: half of what phase 1 accepted. The goal reads "p99 <= 50 ms at half that rate", that
        // rate being 50,000; a fixed 25000 checks it literally, the default more strictly.
        nonNegative(flags, "half-rate-spans", 0),
        seconds(flags, "kafka-duration", 20),
        positive(flags, "concurrency", 24),
        positive(flags, "batch-size", 100),
        positive(flags, "batches", 200),
        client);
  }

  private static Map<String, String> readEnvFile(Path path) throws IOException {
    Map<String, String> values = new HashMap<>();
    if (!Files.isRegularFile(path)) {
      return values;
    }
    for (String line : Files.readAllLines(path)) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    }
    return values;
  }

  private static String first(String... candidates) {
    for (String c : candidates) {
      if (c != null && !c.isBlank()) {
        return c;
      }
    }
    return null;
  }

  private static Duration seconds(Map<String, String> flags, String name, int defaultSeconds) {
    String value = flags.get(name);
    double s = value == null ? defaultSeconds : Double.parseDouble(value);
    if (s < 0) {
      throw new IllegalArgumentException("--" + name + " must be >= 0, got " + value);
    }
    return Duration.ofMillis((long) (s * 1000));
  }

  private static int nonNegative(Map<String, String> flags, String name, int defaultValue) {
    String value = flags.get(name);
    int n = value == null ? defaultValue : Integer.parseInt(value);
    if (n < 0) {
      throw new IllegalArgumentException("--" + name + " must be >= 0, got " + value);
    }
    return n;
  }

  private static int positive(Map<String, String> flags, String name, int defaultValue) {
    String value = flags.get(name);
    int n = value == null ? defaultValue : Integer.parseInt(value);
    if (n <= 0) {
      throw new IllegalArgumentException("--" + name + " must be > 0, got " + value);
    }
    return n;
  }
}
