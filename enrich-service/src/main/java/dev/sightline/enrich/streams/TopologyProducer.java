package dev.sightline.enrich.streams;

import dev.sightline.enrich.config.EnrichConfig;
import dev.sightline.enrich.domain.PriceBook;
import dev.sightline.enrich.domain.PriceTable;
import dev.sightline.schemas.serde.NativeLz4;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.Topology;

/** Hands the enrichment topology to the Quarkus Kafka Streams extension. */
@ApplicationScoped
public class TopologyProducer {

  @Produces
  @Singleton
  MergeMetrics mergeMetrics() {
    return new MergeMetrics();
  }

  // One book: the topology keeps it current, cost recomputes read it.
  @Produces
  @Singleton
  PriceBook priceBook() {
    return new PriceBook(PriceTable.loadDefault());
  }

  @Produces
  Topology topology(EnrichConfig config, MergeMetrics metrics, PriceBook prices) {
    // The stream threads decompress the LZ4 batches ingest writes.
    NativeLz4.prefer();
    MergeSettings settings =
        new MergeSettings(
            config.merge().grace(),
            config.merge().waitForEnd(),
            config.merge().retention(),
            config.aggregates().grace(),
            Duration.ofSeconds(1));
    return EnrichTopology.build(prices, settings, metrics, Clock.systemUTC());
  }
}
