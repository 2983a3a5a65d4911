package dev.sightline.query.domain.metrics;

import dev.sightline.query.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The allow-list of what observation metrics can be grouped by. */
public enum MetricsDimension {
  STEP(true),
  MODEL(true),
  PROMPT(true),
  ENVIRONMENT(true),
  RELEASE(false),
  USER(false);

  private final boolean inAggregates;

  MetricsDimension(boolean inAggregates) {
    this.inAggregates = inAggregates;
  }

  /** Whether the 1-minute aggregates carry it; release and user live only on traces. */
  public boolean inAggregates() {
    return inAggregates;
  }

  /** The parameter spelling. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dimensions of a comma-separated {@code groupBy}, in order, each once; else a 400. */
  public static List<MetricsDimension> parseAll(List<String> values) {
    List<MetricsDimension> out = new ArrayList<>();
    if (values == null) {
      return out;
    }
    for (String value : values) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        MetricsDimension d = parse(part.strip());
        if (out.contains(d)) {
          throw new InvalidRequestException("groupBy: " + d.parameter() + " given twice");
        }
        out.add(d);
      }
    }
    return out;
  }

  private static MetricsDimension parse(String value) {
    for (MetricsDimension d : values()) {
      if (d.parameter().equalsIgnoreCase(value)) {
        return d;
      }
    }
    throw new InvalidRequestException(
        "groupBy: must be a comma-separated list of step, model, prompt, environment, release,"
            + " user");
  }
}
