package dev.sightline.enrich.streams;

import dev.sightline.schemas.avro.DeadLetter;
import dev.sightline.schemas.avro.IngestEvent;

/**
 * The outcome of decoding one raw ingest record: exactly one of the two is set.
 *
 * @param event the decoded, consistent event
 * @param deadLetter why the record could not be used, with its raw bytes
 */
record Decoded(IngestEvent event, DeadLetter deadLetter) {

  boolean ok() {
    return event != null;
  }
}
