package dev.sightline.enrich.storage;

import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.enrich.domain.LatencySketch;
import dev.sightline.enrich.domain.ObservationAggregates;
import dev.sightline.schemas.avro.EnrichedObservation;
import dev.sightline.schemas.avro.ObservationAggregate;
import java.nio.ByteBuffer;
import java.util.List;

/** Stores rows exactly as the sink stores what the live topology emits (for tests). */
public final class LiveRows {

  private LiveRows() {}

  /** Inserts the observations' rows, as the sink maps them. */
  public static void observations(ClickHouseClient clickHouse, List<EnrichedObservation> rows)
      throws Exception {
    JsonEachRowBody body = new JsonEachRowBody();
    for (EnrichedObservation e : rows) {
      body.add(ObservationRows.of(e).json());
    }
    clickHouse.insertJsonEachRow(ObservationRows.TABLE, body.chunks());
  }

  /** Inserts a window as the live topology publishes it (sketch as protobuf, version = count). */
  public static void window(ClickHouseClient clickHouse, ObservationAggregate window)
      throws Exception {
    ObservationAggregate published =
        ObservationAggregate.newBuilder(window)
            .setLatencySketch(
                ByteBuffer.wrap(
                    LatencySketch.toProtobuf(
                        ObservationAggregates.bytes(window.getLatencySketch()))))
            .build();
    clickHouse.insertJsonEachRow(AggregateRows.TABLE, AggregateRows.of(published).json());
  }
}
