package dev.sightline.enrich.storage;

import java.io.ByteArrayOutputStream;

/** The body of one {@code INSERT … FORMAT JSONEachRow}: row objects, one per line. */
final class JsonEachRowBody {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** Appends one row object (without its newline). */
  JsonEachRowBody add(byte[] row) {
    bytes.writeBytes(row);
    bytes.write('\n');
    return this;
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
