package dev.sightline.query.domain.search;

import dev.sightline.query.domain.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of a search ended: the last row's sort value and id, opaque to clients (base64).
 *
 * @param sortValue the last row's sort key as an integer (µs of timestamp or latency, nano-USD)
 * @param id the last row's tie-break id (a trace id, or an observation's row key)
 */
public record TraceCursor(TraceSort sort, boolean descending, long sortValue, String id) {

  private static final String VERSION = "v1";

  /** The opaque text handed to clients as {@code nextCursor}. */
  public String encode() {
    String plain =
        String.join(
                "|",
                VERSION,
                sort.parameter(),
                descending ? "desc" : "asc",
                Long.toString(sortValue))
            + "|"
            + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor; it must have been made for the same sort and order (else 400). */
  public static TraceCursor decode(String text, TraceSort sort, boolean descending) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8)
              .split("\\|", 5);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (parts.length != 5 || !VERSION.equals(parts[0]) || parts[4].isEmpty()) {
      throw invalid();
    }
    if (!parts[1].equals(sort.parameter()) || !parts[2].equals(descending ? "desc" : "asc")) {
      throw new InvalidRequestException(
          "cursor: made for another sort or order; repeat the request without it");
    }
    try {
      return new TraceCursor(sort, descending, Long.parseLong(parts[3]), parts[4]);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static InvalidRequestException invalid() {
    return new InvalidRequestException("cursor: not a cursor returned by this API");
  }
}
