package dev.sightline.ingest.api;

import dev.sightline.ingest.domain.MalformedRequestException;
import jakarta.ws.rs.core.Response.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Checks a request body's size and decodes its Content-Encoding with a bound, so a zip bomb cannot
 * fill RAM.
 *
 * <p>The body arrives as one array: over HTTP/1.x {@link BodyBuffering} has collected it on the I/O
 * thread, over HTTP/2 Quarkus REST reads it on the worker.
 */
final class RequestBodies {

  private RequestBodies() {}

  static byte[] read(byte[] raw, String contentEncoding, long maxBytes) {
    if (raw.length > maxBytes) {
      throw tooLarge("request body", maxBytes);
    }
    String encoding =
        contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    switch (encoding) {
      case "", "identity":
        return raw;
      case "gzip", "x-gzip":
        try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(raw))) {
          return bounded(unzipped, maxBytes, "decompressed request body");
        } catch (IOException e) {
          throw new MalformedRequestException(
              "Content-Encoding is gzip but the body is not valid gzip: " + e.getMessage(), e);
        }
      default:
        throw new Problem(
            Status.UNSUPPORTED_MEDIA_TYPE,
            "unsupported Content-Encoding \"" + contentEncoding + "\"; send gzip or none");
    }
  }

  private static byte[] bounded(InputStream in, long maxBytes, String what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        if (out.size() + (long) n > maxBytes) {
          throw tooLarge(what, maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new MalformedRequestException("cannot read " + what + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static Problem tooLarge(String what, long maxBytes) {
    return new Problem(
        Status.REQUEST_ENTITY_TOO_LARGE,
        what + " exceeds " + maxBytes + " bytes (sightline.ingest.max-body-bytes)");
  }
}
