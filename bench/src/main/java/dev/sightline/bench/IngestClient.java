package dev.sightline.bench;

import java.io.IOException;

/** One connection's worth of OTLP/HTTP protobuf POSTs; used by one worker thread at a time. */
interface IngestClient extends AutoCloseable {

  /** POSTs {@code body[0..length)} and returns the HTTP status once the response is read. */
  int post(byte[] body, int length) throws IOException, InterruptedException;

  @Override
  void close();
}
