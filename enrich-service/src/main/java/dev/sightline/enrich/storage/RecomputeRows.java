package dev.sightline.enrich.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.enrich.domain.CostResult;
import dev.sightline.enrich.domain.RowDay;
import dev.sightline.enrich.domain.StoredObservation;
import dev.sightline.schemas.avro.CostBreakdown;
import dev.sightline.schemas.avro.CostSource;
import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.Usage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a stored {@code observations} row (JSONEachRow of {@code SELECT *}) as a {@link
 * StoredObservation}, and writes a new cost into a copy of it; every other column is sent back as
 * it was read, so a recompute changes nothing but the cost.
 */
final class RecomputeRows {

  private RecomputeRows() {}

  static StoredObservation observation(JsonNode row) {
    long start = row.get("start_time_us").asLong();
    ObservationPayload observation =
        ObservationPayload.newBuilder()
            .setTraceId(row.get("trace_id").asText())
            .setObservationId(row.get("observation_id").asText())
            .setName(text(row, "name"))
            .setStartTimeMicros(start)
            .setModel(text(row, "model"))
            .setPromptName(text(row, "prompt_name"))
            .setPromptVersion(
                row.get("prompt_version").isNull() ? null : row.get("prompt_version").asInt())
            .setLevel(level(row.get("level").asText()))
            .setEnvironment(text(row, "environment"))
            .setUsage(usage(row))
            .build();
    // The live path prices with the reported start, kept in an attribute when the row's day was
    // pinned to an earlier one.
    String lateStart = nested(row, "attributes").get(RowDay.LATE_START_ATTRIBUTE);
    long priceAt = lateStart == null ? start : Long.parseLong(lateStart);
    CostBreakdown cost =
        row.get("cost_total").isNull()
            ? null
            : new CostBreakdown(
                number(row, "cost_input"),
                number(row, "cost_output"),
                number(row, "cost_cache_read"),
                number(row, "cost_cache_creation"),
                number(row, "cost_total"));
    CostResult stored =
        new CostResult(
            cost,
            CostSource.valueOf(row.get("cost_source").asText()),
            text(row, "cost_note"),
            text(row, "price_version"));
    return new StoredObservation(observation, priceAt, number(row, "latency_ms"), stored);
  }

  /** A copy of the row with the new cost and a version above the stored one. */
  static ObjectNode repriced(JsonNode row, CostResult cost, long nowMicros) {
    ObjectNode out = ((ObjectNode) row).deepCopy();
    CostBreakdown c = cost.cost();
    out.put("cost_input", c == null ? null : c.getInputUsd());
    out.put("cost_output", c == null ? null : c.getOutputUsd());
    out.put("cost_cache_read", c == null ? null : c.getCacheReadUsd());
    out.put("cost_cache_creation", c == null ? null : c.getCacheCreationUsd());
    out.put("cost_total", c == null ? null : c.getTotalUsd());
    out.put("cost_source", cost.source().name());
    out.put("cost_note", RowFields.text(cost.note()));
    out.put("price_version", RowFields.text(cost.priceVersion()));
    // ReplacingMergeTree keeps the highest version: above the stored row, and like the live path
    // (enrichedAtMicros) from the clock, so a later live update of the observation still wins.
    out.put("version", Math.max(nowMicros, row.get("version").asLong() + 1));
    return out;
  }

  private static Usage usage(JsonNode row) {
    Map<String, Long> details = new LinkedHashMap<>();
    nested(row, "usage_details").forEach((k, v) -> details.put(k, Long.parseLong(v)));
    return Usage.newBuilder()
        .setInputTokens(integer(row, "usage_input"))
        .setOutputTokens(integer(row, "usage_output"))
        .setCacheReadTokens(integer(row, "usage_cache_read"))
        .setCacheCreationTokens(integer(row, "usage_cache_creation"))
        .setTotalTokens(integer(row, "usage_total"))
        .setDetails(details)
        .build();
  }

  private static Map<String, String> nested(JsonNode row, String column) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode keys = row.path(column + ".key");
    JsonNode values = row.path(column + ".value");
    for (int i = 0; i < keys.size(); i++) {
      out.put(keys.get(i).asText(), values.get(i).asText());
    }
    return out;
  }

  private static Level level(String name) {
    try {
      return Level.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Level.DEFAULT;
    }
  }

  // Strings come back as "" for "no value", Int64 quoted (ClickHouse's JSON default).
  private static String text(JsonNode row, String column) {
    String value = row.path(column).asText("");
    return value.isEmpty() ? null : value;
  }

  private static Long integer(JsonNode row, String column) {
    JsonNode v = row.path(column);
    return v.isNull() || v.isMissingNode() ? null : v.asLong();
  }

  private static Double number(JsonNode row, String column) {
    JsonNode v = row.path(column);
    return v.isNull() || v.isMissingNode() ? null : v.asDouble();
  }
}
