package dev.sightline.enrich.streams;

import dev.sightline.enrich.domain.PriceBook;
import dev.sightline.schemas.avro.ModelPrice;
import dev.sightline.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Keeps the global price store and the in-memory {@link PriceBook} in step with the model-prices
 * topic. The store holds the raw bytes (as a restore from the topic writes them) and values are
 * decoded here, so one bad record is skipped instead of stopping the global thread.
 */
final class PriceStoreProcessor implements Processor<String, byte[], Void, Void> {

  static final String STORE = "model-prices";

  private static final Logger LOG = Logger.getLogger(PriceStoreProcessor.class);

  private final PriceBook book;
  private KeyValueStore<String, byte[]> store;

  PriceStoreProcessor(PriceBook book) {
    this.book = book;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(STORE);
    // The store may have been restored from the topic before init: load what it holds.
    List<ModelPrice> restored = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> entry = all.next();
        ModelPrice price = decode(entry.key, entry.value);
        if (price != null) {
          restored.add(price);
        }
      }
    }
    book.replaceAll(restored);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      book.remove(record.key());
      return;
    }
    ModelPrice price = decode(record.key(), record.value());
    if (price != null) {
      store.put(record.key(), record.value());
      book.put(price);
    }
  }

  private static ModelPrice decode(String key, byte[] value) {
    try {
      return Topics.MODEL_PRICES.valueSerde().deserializer().deserialize(STORE, value);
    } catch (RuntimeException e) {
      LOG.warnf("skipping an undecodable model price (key %s): %s", key, e.getMessage());
      return null;
    }
  }
}
