package dev.sightline.enrich;

import dev.sightline.schemas.topics.Topic;
import dev.sightline.schemas.topics.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * New Streams application and consumer groups for each test boot, starting at the current end of
 * the topics they read.
 *
 * <p>Why: the tests share the broker (and its topics) with `./sightline up` and the benchmarks.
 * Fresh groups without committed offsets start at the earliest offset, so after a benchmark the
 * test boot first enriched and stored millions of old events and the tests timed out. Committing
 * the end offsets for the new groups before Quarkus starts makes them read only what the tests
 * send. Topics that do not exist yet (a fresh broker) hold nothing to skip.
 */
@WithTestResource(value = FreshConsumerGroups.class, scope = TestResourceScope.GLOBAL)
public class FreshConsumerGroups implements QuarkusTestResourceLifecycleManager {

  private static final String BOOTSTRAP = "127.0.0.1:9092";

  @Override
  public Map<String, String> start() {
    String run = UUID.randomUUID().toString();
    String streams = "sightline-enrich-test-" + run;
    String sink = "sightline-clickhouse-sink-test-" + run;
    String recompute = "sightline-cost-recompute-test-" + run;
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
    try (Admin admin = Admin.create(props)) {
      // A Streams application's consumer group is its application id.
      startAtEnd(admin, streams, List.of(Topics.INGEST_EVENTS));
      startAtEnd(
          admin,
          sink,
          List.of(
              Topics.ENRICHED_OBSERVATIONS,
              Topics.TRACES,
              Topics.SCORES,
              Topics.OBSERVATION_AGGREGATES));
      startAtEnd(admin, recompute, List.of(Topics.COST_RECOMPUTES));
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot set the test groups' offsets: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return Map.of(
        "quarkus.kafka-streams.application-id", streams,
        "sightline.sink.group-id", sink,
        "sightline.recompute.group-id", recompute);
  }

  private static void startAtEnd(Admin admin, String group, List<Topic<?, ?>> topics)
      throws ExecutionException, InterruptedException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<String> names =
        topics.stream().map(Topic::name).filter(existing::contains).collect(Collectors.toList());
    if (names.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription d :
        admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
      d.partitions()
          .forEach(
              p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
    admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {}
}
