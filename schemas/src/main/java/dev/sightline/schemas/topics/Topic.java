package dev.sightline.schemas.topics;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with everything needed to use it: name, key and value serdes, layout.
 *
 * @param name the topic name; only ever referenced through this record
 * @param keySerde serde of record keys
 * @param valueSerde serde of record values
 * @param partitions partitions created by default
 * @param cleanupPolicy {@link TopicConfig#CLEANUP_POLICY_DELETE} or {@link
 *     TopicConfig#CLEANUP_POLICY_COMPACT}
 * @param description what flows through it, for docs and the CLI listing
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    int partitions,
    String cleanupPolicy,
    String description) {

  /** The admin request that creates this topic with the given replication factor. */
  public NewTopic newTopic(short replicationFactor) {
    return new NewTopic(name, partitions, replicationFactor)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy));
  }

  /** Whether the topic keeps only the latest value per key. */
  public boolean compacted() {
    return TopicConfig.CLEANUP_POLICY_COMPACT.equals(cleanupPolicy);
  }
}
