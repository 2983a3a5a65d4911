package dev.sightline.enrich.storage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.schemas.avro.CostRecomputeRequest;
import java.util.Set;
import java.util.TreeSet;

/** What one recompute did so far; written as a row of {@code cost_recomputes}. */
final class RecomputeRecord {

  static final String TABLE = "cost_recomputes";

  private final CostRecomputeRequest request;
  long scanned;
  long observationsChanged;
  long windowsChanged;
  final Set<String> priceVersionsBefore = new TreeSet<>();
  final Set<String> priceVersionsAfter = new TreeSet<>();

  RecomputeRecord(CostRecomputeRequest request) {
    this.request = request;
  }

  /** The row for a status; {@code finishedAtMicros} null while running. */
  ObjectNode row(String status, Long finishedAtMicros, String error, long version) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("project_id", request.getProjectId());
    row.put("recompute_id", request.getRecomputeId());
    row.put("status", status);
    row.put("from_us", request.getFromMicros());
    row.put("to_us", request.getToMicros());
    row.put("requested_at", RowFields.dateTime(request.getRequestedAtMicros()));
    row.put("requested_at_us", request.getRequestedAtMicros());
    row.put("finished_at_us", finishedAtMicros);
    row.put("observations_scanned", scanned);
    row.put("observations_changed", observationsChanged);
    row.put("windows_changed", windowsChanged);
    ArrayNode before = row.putArray("price_versions_before");
    priceVersionsBefore.forEach(before::add);
    ArrayNode after = row.putArray("price_versions_after");
    priceVersionsAfter.forEach(after::add);
    row.put("error", RowFields.text(error));
    row.put("version", version);
    return row;
  }
}
