package dev.sightline.bench.e2e;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Records not yet consumed by the pipeline's consumer groups: enrich's Streams application (ingest
 * topic and its repartition topics) plus the ClickHouse sink (the storage topics). Their sum is the
 * end-to-end backlog between ingest's ack and a stored row.
 */
final class ConsumerLag implements AutoCloseable {

  private final Admin admin;
  private final List<String> groups;

  ConsumerLag(String bootstrap, List<String> groups) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "sightline-bench-e2e-lag"));
    this.groups = groups;
  }

  /** Total lag in records over every partition the groups have committed offsets for. */
  long records() throws ExecutionException, InterruptedException {
    return byGroup().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Lag in records per group, in the order the groups were given. */
  Map<String, Long> byGroup() throws ExecutionException, InterruptedException {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String group : groups) {
      long lag = 0;
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.forEach((tp, o) -> latest.put(tp, OffsetSpec.latest()));
      // Enrich writes in transactions: the last stable offset is what a read_committed sink sees.
      var ends =
          admin
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get();
      for (var e : committed.entrySet()) {
        if (e.getValue() != null && ends.containsKey(e.getKey())) {
          lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
        }
      }
      out.put(group, lag);
    }
    return out;
  }

  @Override
  public void close() {
    admin.close();
  }
}
