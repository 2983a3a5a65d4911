package dev.sightline.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sightline.ingest.domain.guard.Events;
import dev.sightline.ingest.domain.masking.BuiltInRules;
import dev.sightline.ingest.domain.masking.EventMasker;
import dev.sightline.ingest.domain.masking.MaskRule;
import dev.sightline.ingest.domain.masking.Masker;
import dev.sightline.ingest.domain.masking.ProjectMaskingRules;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.MaskingRule;
import dev.sightline.schemas.avro.MaskingRuleSet;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.topics.TopicProvisioner;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-project rules pushed through the real compacted topic, as query-service pushes them. */
class MaskingRuleFeedTest {

  private static final String BOOTSTRAP =
      System.getProperty("sightline.kafka.bootstrap-servers", "127.0.0.1:9092");

  private final String projectId = "proj-" + UUID.randomUUID();
  private final ProjectMaskingRules rules = new ProjectMaskingRules();
  private MaskingRuleFeed feed;
  private KafkaProducer<String, MaskingRuleSet> producer;

  @BeforeEach
  void start() {
    TopicProvisioner.ensureAll(BOOTSTRAP, Duration.ofSeconds(30));
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG,
                "all"),
            Topics.MASKING_RULES.keySerde().serializer(),
            Topics.MASKING_RULES.valueSerde().serializer());
    feed = new MaskingRuleFeed(BOOTSTRAP, Duration.ofSeconds(30), rules);
    feed.start();
  }

  @AfterEach
  void stop() {
    feed.close();
    producer.close();
  }

  private void push(MaskingRule... r) throws Exception {
    MaskingRuleSet set =
        MaskingRuleSet.newBuilder()
            .setProjectId(projectId)
            .setRules(List.of(r))
            .setUpdatedAtMicros(System.currentTimeMillis() * 1000)
            .build();
    producer.send(new ProducerRecord<>(Topics.MASKING_RULES.name(), projectId, set)).get();
  }

  @Test
  void appliesAProjectsPushedRuleToItsEventsAndDropsItOnATombstone() throws Exception {
    push(new MaskingRule("employee-id", "EMP-\\d{5}"), new MaskingRule("broken", "(("));
    await().atMost(Duration.ofSeconds(20)).until(() -> !rules.of(projectId).isEmpty());
    assertThat(feed.caughtUp()).isTrue();
    assertThat(rules.of(projectId)).extracting(MaskRule::name).containsExactly("employee-id");

    IngestEvent event =
        Events.event(
            projectId,
            Events.observation("00000000000000a1").setInput("EMP-12345 at a@b.io").build());
    new EventMasker(new Masker(BuiltInRules.ALL), rules).mask(event);
    assertThat(((ObservationPayload) event.getPayload()).getInput())
        .isEqualTo("[MASKED:employee-id] at [MASKED:email]");

    producer.send(new ProducerRecord<>(Topics.MASKING_RULES.name(), projectId, null)).get();
    await().atMost(Duration.ofSeconds(20)).until(() -> rules.of(projectId).isEmpty());
  }
}
