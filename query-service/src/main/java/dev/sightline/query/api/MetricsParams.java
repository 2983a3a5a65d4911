package dev.sightline.query.api;

import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.metrics.MetricsDimension;
import dev.sightline.query.domain.metrics.MetricsQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw parameters of {@code GET /api/v1/metrics} into a {@link MetricsQuery}, or a 400.
 */
final class MetricsParams {

  private static final Pattern INTERVAL = Pattern.compile("([1-9][0-9]{0,5})([mhd])");

  private MetricsParams() {}

  static MetricsQuery parse(RawMetrics raw, Duration maxRange, int maxPoints) {
    Instant[] range = SearchParams.range(raw.from, raw.to, maxRange);
    Duration interval = interval(raw.interval);
    if (interval != null) {
      long points = points(range[0], range[1], interval);
      if (points > maxPoints) {
        throw new InvalidRequestException(
            "interval: "
                + raw.interval.strip()
                + " makes "
                + points
                + " points per series, more than "
                + maxPoints
                + "; use a wider interval or a shorter range");
      }
    }
    return new MetricsQuery(
        range[0],
        range[1],
        MetricsDimension.parseAll(raw.groupBy),
        interval,
        SearchParams.text("environment", raw.environment),
        SearchParams.text("name", raw.name),
        SearchParams.text("model", raw.model),
        SearchParams.text("promptName", raw.promptName),
        promptVersion(raw.promptVersion));
  }

  /** The bucket width; null (totals) when absent. */
  static Duration interval(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Matcher m = INTERVAL.matcher(value.strip());
    if (!m.matches()) {
      throw new InvalidRequestException(
          "interval: must be a whole number of minutes, hours or days, e.g. 1m, 5m, 1h, 1d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** How many epoch-aligned buckets of this width [from, to) touches. */
  static long points(Instant from, Instant to, Duration interval) {
    long width = interval.toSeconds();
    long last = Math.floorDiv(to.getEpochSecond() - (to.getNano() > 0 ? 0 : 1), width);
    return last - Math.floorDiv(from.getEpochSecond(), width) + 1;
  }

  private static Integer promptVersion(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int version = Integer.parseInt(value.strip());
      if (version >= 0) {
        return version;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRequestException("promptVersion: must be an integer from 0");
  }
}
