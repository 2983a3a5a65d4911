package dev.sightline.bench.query;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What one run of {@link QueryBench} does: where query-service and ClickHouse are, how much data to
 * load, how often to repeat each query.
 */
record QueryBenchOptions(
    URI queryUrl,
    String adminToken,
    URI clickhouseUrl,
    String database,
    int traces,
    int days,
    int runs,
    int exportTraces,
    boolean reload,
    Path stateFile) {

  static final String USAGE =
      """
      usage: QueryBench [--query-url URL] [--admin-token T] [--env-file FILE]
                        [--clickhouse-url http://127.0.0.1:8123] [--database sightline]
                        [--traces 1000000] [--days 7] [--runs 30] [--export-traces 100000]
                        [--reload false]
        URL and admin token default to SIGHTLINE_QUERY_URL / SIGHTLINE_ADMIN_TOKEN from the
        environment, else from --env-file (default .sightline/demo.env). The loaded data set is
        remembered in .sightline/bench-query.env and reused unless --reload true.
      """;

  static QueryBenchOptions parse(String[] args, Map<String, String> env) throws IOException {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("unexpected argument " + args[i] + "\n" + USAGE);
      }
      flags.put(args[i].substring(2), args[++i]);
    }
    Path envFile = Path.of(flags.getOrDefault("env-file", ".sightline/demo.env"));
    Map<String, String> file = readEnvFile(envFile);
    String url =
        first(
            flags.get("query-url"),
            env.get("SIGHTLINE_QUERY_URL"),
            file.get("SIGHTLINE_QUERY_URL"));
    String token =
        first(
            flags.get("admin-token"),
            env.get("SIGHTLINE_ADMIN_TOKEN"),
            file.get("SIGHTLINE_ADMIN_TOKEN"));
    if (url == null || token == null) {
      throw new IllegalArgumentException(
          "no query URL or admin token: run ./sightline up (writes .sightline/demo.env)\n" + USAGE);
    }
    return new QueryBenchOptions(
        URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
        token,
        URI.create(flags.getOrDefault("clickhouse-url", "http://127.0.0.1:8123")),
        flags.getOrDefault("database", "sightline"),
        positive(flags, "traces", 1_000_000),
        positive(flags, "days", 7),
        positive(flags, "runs", 30),
        positive(flags, "export-traces", 100_000),
        Boolean.parseBoolean(flags.getOrDefault("reload", "false")),
        envFile.resolveSibling("bench-query.env"));
  }

  private static int positive(Map<String, String> flags, String name, int fallback) {
    String v = flags.get(name);
    try {
      int n = v == null ? fallback : Integer.parseInt(v);
      if (n <= 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a positive integer, got " + v);
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  static Map<String, String> readEnvFile(Path path) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (Files.isRegularFile(path)) {
      for (String line : Files.readAllLines(path)) {
        int eq = line.indexOf('=');
        if (eq > 0 && !line.startsWith("#")) {
          out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
    }
    return out;
  }
}
