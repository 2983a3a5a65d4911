package dev.sightline.query.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.query.domain.recompute.Recompute;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Rows of ClickHouse's {@code cost_recomputes} (migration 0003), written and read. */
final class RecomputeRows {

  static final String TABLE = "cost_recomputes";

  /** Add a WHERE clause; FINAL gives the latest status of each request. */
  static final String SELECT =
      "SELECT recompute_id, project_id, status, from_us, to_us, requested_at_us, finished_at_us,"
          + " observations_scanned, observations_changed, windows_changed,"
          + " price_versions_before, price_versions_after, error FROM cost_recomputes FINAL";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private RecomputeRows() {}

  /** The pending row; its version (the request time) is below every row enrich writes. */
  static byte[] pendingRow(Recompute r) {
    return json(row(r, "pending", null, null, micros(r.requestedAt())));
  }

  /** The row of a request Kafka never took: failed, so it is not shown as pending forever. */
  static byte[] unpublishedRow(Recompute r, Instant now) {
    long at = Math.max(micros(now), micros(r.requestedAt()) + 1);
    return json(row(r, "failed", at, "not published: Kafka did not acknowledge the request", at));
  }

  static Recompute recompute(JsonNode row) {
    return new Recompute(
        row.get("recompute_id").asText(),
        row.get("project_id").asText(),
        row.get("status").asText(),
        instant(row.get("from_us")),
        instant(row.get("to_us")),
        instant(row.get("requested_at_us")),
        instant(row.get("finished_at_us")),
        row.get("observations_scanned").asLong(),
        row.get("observations_changed").asLong(),
        row.get("windows_changed").asLong(),
        strings(row.get("price_versions_before")),
        strings(row.get("price_versions_after")),
        row.get("error").asText().isEmpty() ? null : row.get("error").asText());
  }

  private static ObjectNode row(Recompute r, String status, Long finished, String error, long v) {
    ObjectNode row = JSON.createObjectNode();
    row.put("project_id", r.projectId());
    row.put("recompute_id", r.id());
    row.put("status", status);
    row.put("from_us", micros(r.from()));
    row.put("to_us", micros(r.to()));
    row.put("requested_at", DATE_TIME.format(r.requestedAt()));
    row.put("requested_at_us", micros(r.requestedAt()));
    row.put("finished_at_us", finished);
    row.put("observations_scanned", 0);
    row.put("observations_changed", 0);
    row.put("windows_changed", 0);
    row.putArray("price_versions_before");
    row.putArray("price_versions_after");
    row.put("error", error == null ? "" : error);
    row.put("version", v);
    return row;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  // Int64 columns come back quoted (ClickHouse's JSON default), Nullable ones may be null.
  private static Instant instant(JsonNode micros) {
    return micros == null || micros.isNull()
        ? null
        : Instant.EPOCH.plus(micros.asLong(), ChronoUnit.MICROS);
  }

  private static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  private static byte[] json(ObjectNode row) {
    try {
      return (JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
