package dev.sightline.schemas.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Writer schemas of earlier releases, so readers can decode records written before a change.
 *
 * <p>When a schema changes, its previous full JSON is added under {@code
 * src/main/resources/schema-history/} and listed in {@code schema-history/index}; see
 * schemas/README.md for the rules.
 */
public final class SchemaHistory {

  private static final String INDEX = "/schema-history/index";
  private static final SchemaStore.Cache STORE = load();

  private SchemaHistory() {}

  /** A store holding every historical writer schema, keyed by fingerprint. */
  public static SchemaStore store() {
    return STORE;
  }

  private static SchemaStore.Cache load() {
    SchemaStore.Cache cache = new SchemaStore.Cache();
    try (InputStream index = SchemaHistory.class.getResourceAsStream(INDEX)) {
      if (index == null) {
        return cache;
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String file = line.strip();
        if (file.isEmpty() || file.startsWith("#")) {
          continue;
        }
        try (InputStream in = SchemaHistory.class.getResourceAsStream("/schema-history/" + file)) {
          if (in == null) {
            throw new IllegalStateException("schema-history/index lists missing file " + file);
          }
          cache.addSchema(new Schema.Parser().parse(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema history", e);
    }
    return cache;
  }
}
