package dev.sightline.enrich.storage;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Rows waiting for ClickHouse, one JSONEachRow body per table, and the offsets to commit once every
 * table has taken its rows.
 */
final class SinkBatch {

  private final Map<String, JsonEachRowBody> pending = new LinkedHashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
  private int rows;
  private long startedAtNanos;

  /** Adds a row read from {@code partition} at {@code offset}. */
  void add(TableRow row, TopicPartition partition, long offset) {
    pending.computeIfAbsent(row.table(), t -> new JsonEachRowBody()).add(row.json());
    rows++;
    consumed(partition, offset);
  }

  /** Records a consumed offset that produced no row (e.g. a dead letter or a tombstone). */
  void consumed(TopicPartition partition, long offset) {
    if (offsets.isEmpty()) {
      startedAtNanos = System.nanoTime();
    }
    offsets.put(partition, new OffsetAndMetadata(offset + 1));
  }

  /** Table name to JSONEachRow body of the tables not yet inserted. */
  Map<String, JsonEachRowBody> pendingTables() {
    return new LinkedHashMap<>(pending);
  }

  /** Marks a table's rows as acknowledged by ClickHouse, so a retry does not send them again. */
  void inserted(String table) {
    pending.remove(table);
  }

  /** The next offsets to commit per partition. */
  Map<TopicPartition, OffsetAndMetadata> offsets() {
    return Map.copyOf(offsets);
  }

  int rows() {
    return rows;
  }

  boolean isEmpty() {
    return offsets.isEmpty();
  }

  /** Milliseconds since the first record of this batch was consumed. */
  long ageMillis() {
    return isEmpty() ? 0 : (System.nanoTime() - startedAtNanos) / 1_000_000L;
  }

  void clear() {
    pending.clear();
    offsets.clear();
    rows = 0;
  }
}
