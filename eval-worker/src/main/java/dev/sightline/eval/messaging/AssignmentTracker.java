package dev.sightline.eval.messaging;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/** Keeps the partitions assigned to the loop, readable from the health-check thread. */
final class AssignmentTracker implements ConsumerRebalanceListener {

  private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    assigned.addAll(partitions);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    // Offsets are committed after every batch, so there is nothing to flush here.
    assigned.removeAll(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    assigned.removeAll(partitions);
  }

  int size() {
    return assigned.size();
  }

  void clear() {
    assigned.clear();
  }
}
