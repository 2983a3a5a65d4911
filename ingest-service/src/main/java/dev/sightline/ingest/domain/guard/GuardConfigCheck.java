package dev.sightline.ingest.domain.guard;

import dev.sightline.ingest.config.IngestConfig;
import java.util.ArrayList;
import java.util.List;

/** Rejects impossible limit, masking and rate options at start-up, saying how to fix them. */
final class GuardConfigCheck {

  private GuardConfigCheck() {}

  /** Throws {@link IllegalStateException} listing every invalid option. */
  static void validate(IngestConfig.Ingest ingest) {
    List<String> problems = new ArrayList<>();
    IngestConfig.Limits l = ingest.limits();
    String p = "sightline.ingest.limits.";
    atLeast(problems, p + "max-events-per-request", l.maxEventsPerRequest(), 1, "10000");
    atLeast(problems, p + "max-id-length", l.maxIdLength(), 32, "256");
    atLeast(problems, p + "max-attributes", l.maxAttributes(), 1, "256");
    atLeast(problems, p + "max-attribute-value-bytes", l.maxAttributeValueBytes(), 64, "65536");
    atLeast(problems, p + "max-input-output-bytes", l.maxInputOutputBytes(), 64, "1048576");
    if (l.maxAge().isNegative() || l.maxAge().isZero()) {
      problems.add(p + "max-age must be positive, e.g. 30d (default 30d)");
    }
    if (l.maxFutureSkew().isNegative()) {
      problems.add(p + "max-future-skew must be >= 0, e.g. 1d (default 1d)");
    }
    IngestConfig.RateLimit rate = ingest.rateLimit();
    if (rate.eventsPerSecond() < 0) {
      problems.add(
          "sightline.ingest.rate-limit.events-per-second must be >= 0 (0 = off; default 20000)");
    }
    if (rate.eventsPerSecond() > 0 && rate.burst() < 1) {
      problems.add("sightline.ingest.rate-limit.burst must be >= 1 (default 40000)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("invalid configuration: " + String.join("; ", problems));
    }
  }

  private static void atLeast(List<String> problems, String key, int value, int min, String def) {
    if (value < min) {
      problems.add(key + " must be >= " + min + " (default " + def + "), got " + value);
    }
  }
}
