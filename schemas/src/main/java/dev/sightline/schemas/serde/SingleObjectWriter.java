package dev.sightline.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;

/**
 * Writes Avro single-object encoding (marker, schema fingerprint, binary body) the way Avro's
 * {@code BinaryMessageEncoder} does, byte for byte, but through a buffered encoder into a
 * per-thread unsynchronized buffer: Avro's encoder writes byte by byte into a synchronized stream,
 * which was a visible share of ingest's CPU per span in the bench profile.
 */
final class SingleObjectWriter<T> {

  private final byte[] header;
  private final DatumWriter<T> writer;
  private final ThreadLocal<State> state = ThreadLocal.withInitial(State::new);

  @SuppressWarnings("unchecked")
  SingleObjectWriter(SpecificData model, Schema schema) {
    this.writer = (DatumWriter<T>) model.createDatumWriter(schema);
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    this.header = new byte[10];
    header[0] = (byte) 0xC3;
    header[1] = (byte) 0x01;
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
  }

  /** The encoded value; thread-safe (each thread has its own buffer and encoder). */
  byte[] write(T value) throws IOException {
    State s = state.get();
    s.bytes.reset();
    s.bytes.write(header, 0, header.length);
    s.encoder = EncoderFactory.get().binaryEncoder(s.bytes, s.encoder);
    try {
      writer.write(value, s.encoder);
      s.encoder.flush();
    } catch (IOException | RuntimeException e) {
      // The reused encoder still buffers the failed value's first bytes and would flush them into
      // the next value on this thread, after its header: start the next one with a fresh encoder.
      s.encoder = null;
      throw e;
    }
    return s.bytes.toByteArray();
  }

  private static final class State {
    final Bytes bytes = new Bytes();
    BinaryEncoder encoder;
  }

  /** A growable byte buffer without ByteArrayOutputStream's per-call locking. */
  private static final class Bytes extends OutputStream {
    private byte[] buf = new byte[4096];
    private int size;

    void reset() {
      // Keep a buffer grown by one huge value from pinning memory on the thread forever.
      if (buf.length > 1 << 20) {
        buf = new byte[4096];
      }
      size = 0;
    }

    @Override
    public void write(int b) {
      ensure(1);
      buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, size, len);
      size += len;
    }

    private void ensure(int more) {
      if (size + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
