package dev.sightline.ingest.messaging;

import dev.sightline.ingest.domain.KeyRegistry;
import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.topics.Topics;
import java.time.Duration;

/** The compacted keys topic, replayed into a {@link KeyRegistry}. */
public final class ApiKeyFeed extends CompactedTopicFeed<ApiKeyRecord> {

  /** A feed that fills the registry once {@link #start()} is called. */
  public ApiKeyFeed(String bootstrapServers, Duration provisionTimeout, KeyRegistry registry) {
    super(bootstrapServers, provisionTimeout, Topics.API_KEYS, registry::apply);
  }
}
