package dev.sightline.query.domain.search;

import java.io.IOException;
import java.io.OutputStream;

/** An export whose query already runs: write it once, then close it (also when not written). */
public interface TraceExport extends AutoCloseable {

  /** Writes every row as it arrives from the store; memory use does not grow with the rows. */
  void writeTo(OutputStream out) throws IOException;

  @Override
  void close();
}
