package dev.sightline.enrich.storage;

import dev.sightline.schemas.topics.Topics;

/** Decodes a record of one of the storage topics and maps it to its table row. */
final class StorageRows {

  private StorageRows() {}

  /**
   * The row for a raw record value.
   *
   * @throws org.apache.kafka.common.errors.SerializationException when the value is undecodable
   * @throws IllegalArgumentException when the topic is not a storage topic
   */
  static TableRow of(String topic, byte[] value) {
    if (topic.equals(Topics.ENRICHED_OBSERVATIONS.name())) {
      return ObservationRows.of(
          Topics.ENRICHED_OBSERVATIONS.valueSerde().deserializer().deserialize(topic, value));
    }
    if (topic.equals(Topics.TRACES.name())) {
      return TraceRows.of(Topics.TRACES.valueSerde().deserializer().deserialize(topic, value));
    }
    if (topic.equals(Topics.SCORES.name())) {
      return ScoreRows.of(Topics.SCORES.valueSerde().deserializer().deserialize(topic, value));
    }
    if (topic.equals(Topics.OBSERVATION_AGGREGATES.name())) {
      return AggregateRows.of(
          Topics.OBSERVATION_AGGREGATES.valueSerde().deserializer().deserialize(topic, value));
    }
    throw new IllegalArgumentException("not a storage topic: " + topic);
  }
}
