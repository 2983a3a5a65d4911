package dev.sightline.enrich.domain;

import com.datadoghq.sketch.ddsketch.DDSketch;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationAggregate;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.Usage;
import java.nio.ByteBuffer;

/** Builds and merges the per-window aggregates of observations. */
public final class ObservationAggregates {

  private ObservationAggregates() {}

  /** The aggregate of one observation alone; the window fields are set when it is windowed. */
  public static ObservationAggregate of(EnrichedObservation e) {
    ObservationPayload o = e.getObservation();
    Usage usage = o.getUsage();
    DDSketch sketch = LatencySketch.empty();
    if (e.getLatencyMs() != null && e.getLatencyMs() >= 0) {
      sketch.accept(e.getLatencyMs());
    }
    return ObservationAggregate.newBuilder()
        .setProjectId(e.getProjectId())
        .setEnvironment(text(o.getEnvironment()))
        .setName(text(o.getName()))
        .setModel(text(o.getModel()))
        .setPromptName(text(o.getPromptName()))
        .setPromptVersion(o.getPromptVersion() == null ? 0 : o.getPromptVersion())
        .setWindowStartMillis(0)
        .setWindowEndMillis(0)
        .setCount(1)
        .setErrors(o.getLevel() == Level.ERROR ? 1 : 0)
        .setInputTokens(
            usage == null || usage.getInputTokens() == null ? 0 : usage.getInputTokens())
        .setOutputTokens(
            usage == null || usage.getOutputTokens() == null ? 0 : usage.getOutputTokens())
        .setCostUsd(
            e.getCost() == null || e.getCost().getTotalUsd() == null
                ? 0
                : e.getCost().getTotalUsd())
        .setLatencySketch(ByteBuffer.wrap(LatencySketch.encode(sketch)))
        .build();
  }

  /** Both aggregates of one key added up; the latency sketches merged. */
  public static ObservationAggregate merge(ObservationAggregate a, ObservationAggregate b) {
    return ObservationAggregate.newBuilder(a)
        .setCount(a.getCount() + b.getCount())
        .setErrors(a.getErrors() + b.getErrors())
        .setInputTokens(a.getInputTokens() + b.getInputTokens())
        .setOutputTokens(a.getOutputTokens() + b.getOutputTokens())
        .setCostUsd(a.getCostUsd() + b.getCostUsd())
        .setLatencySketch(
            ByteBuffer.wrap(
                LatencySketch.merge(bytes(a.getLatencySketch()), bytes(b.getLatencySketch()))))
        .build();
  }

  /** The grouping key: project, environment, step name, model, prompt name and version. */
  public static String groupKey(ObservationAggregate a) {
    StringBuilder key = new StringBuilder();
    for (String part :
        new String[] {
          a.getProjectId(), a.getEnvironment(), a.getName(), a.getModel(), a.getPromptName()
        }) {
      // Length-prefixed, so no value can imitate a separator.
      key.append(part.length()).append(':').append(part).append('|');
    }
    return key.append(a.getPromptVersion()).toString();
  }

  /** The bytes of an Avro bytes field without disturbing its position. */
  public static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  private static String text(CharSequence value) {
    return value == null ? "" : value.toString();
  }
}
