package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.PriceTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.apache.kafka.streams.Topology;

/** Hands the enrichment topology to the Quarkus Kafka Streams extension. */
@ApplicationScoped
public class TopologyProducer {

  @Produces
  Topology topology() {
    return EnrichTopology.build(PriceTable.loadDefault(), Clock.systemUTC());
  }
}
