package dev.sightline.ingest.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rejects impossible configuration values at start-up with a message that says how to fix them. */
public final class IngestConfigCheck {

  private static final Set<String> CODECS = Set.of("none", "gzip", "snappy", "lz4", "zstd");

  private IngestConfigCheck() {}

  /** Throws {@link IllegalStateException} listing every invalid option. */
  public static void validate(IngestConfig config) {
    List<String> problems = new ArrayList<>();
    IngestConfig.Ingest ingest = config.ingest();
    if (ingest.maxBodyBytes() <= 0) {
      problems.add("sightline.ingest.max-body-bytes must be > 0 (default 10485760)");
    }
    if (ingest.ackTimeout().compareTo(Duration.ofSeconds(1)) < 0) {
      problems.add("sightline.ingest.ack-timeout must be at least 1s (default 10s)");
    }
    if (ingest.linger().isNegative() || ingest.linger().compareTo(ingest.ackTimeout()) >= 0) {
      problems.add("sightline.ingest.linger must be >= 0 and below ack-timeout (default 5ms)");
    }
    if (!CODECS.contains(ingest.compression())) {
      problems.add("sightline.ingest.compression must be one of " + CODECS + " (default lz4)");
    }
    if (ingest.retryAfterSeconds() < 1) {
      problems.add("sightline.ingest.retry-after-seconds must be >= 1 (default 5)");
    }
    if (config.kafka().bootstrapServers().isBlank()) {
      problems.add("sightline.kafka.bootstrap-servers must name a broker, e.g. 127.0.0.1:9092");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid configuration: " + String.join("; ", problems));
    }
  }
}
