package dev.sightline.ingest.domain.guard;

import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.RetrievalDocument;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cuts oversized values instead of refusing the event: a huge prompt is still worth its first
 * megabyte. Cut values end with {@code …[truncated N bytes]}.
 */
final class Truncation {

  /** The attribute that says how many attributes were dropped over the limit. */
  static final String DROPPED_KEY = "sightline.dropped_attributes";

  private final GuardLimits limits;

  Truncation(GuardLimits limits) {
    this.limits = limits;
  }

  /** Truncates the event's payload in place. */
  void apply(IngestEvent event) {
    Object payload = event.getPayload();
    int io = limits.maxInputOutputBytes();
    int value = limits.maxAttributeValueBytes();
    if (payload instanceof ObservationPayload o) {
      o.setInput(cut(o.getInput(), io));
      o.setOutput(cut(o.getOutput(), io));
      o.setStatusMessage(cut(o.getStatusMessage(), value));
      o.setAttributes(bounded(o.getAttributes()));
      for (RetrievalDocument d : o.getRetrievalDocuments()) {
        d.setContent(cut(d.getContent(), io));
      }
    } else if (payload instanceof TracePayload t) {
      t.setInput(cut(t.getInput(), io));
      t.setOutput(cut(t.getOutput(), io));
      t.setMetadata(bounded(t.getMetadata()));
    } else if (payload instanceof ScorePayload s) {
      s.setComment(cut(s.getComment(), value));
      s.setStringValue(cut(s.getStringValue(), value));
    }
  }

  // Keeps the first entries in request order; the marker entry tells readers something is missing.
  private Map<String, String> bounded(Map<String, String> values) {
    int max = limits.maxAttributes();
    if (values.size() <= max && allFit(values.values())) {
      return values; // the common case: no copy (re-hashing every key) for nothing
    }
    Map<String, String> out = new LinkedHashMap<>(Math.min(values.size(), max + 1) * 2);
    int dropped = 0;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (out.size() < max) {
        out.put(e.getKey(), cut(e.getValue(), limits.maxAttributeValueBytes()));
      } else {
        dropped++;
      }
    }
    if (dropped > 0) {
      out.put(
          DROPPED_KEY,
          "dropped %d of %d attributes (limit %d)".formatted(dropped, values.size(), max));
    }
    return out;
  }

  private boolean allFit(Iterable<String> values) {
    for (String v : values) {
      if (cut(v, limits.maxAttributeValueBytes()) != v) {
        return false;
      }
    }
    return true;
  }

  /** The text cut to at most {@code maxBytes} UTF-8 bytes plus a marker, or as is. */
  static String cut(String text, int maxBytes) {
    if (text == null || text.length() * 3L <= maxBytes) {
      return text;
    }
    long total = 0;
    int cutAt = -1;
    long kept = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int bytes = c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      if (cutAt < 0 && total + bytes > maxBytes) {
        // Never split a surrogate pair: that would leave an unencodable half.
        cutAt = i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? i - 1 : i;
        kept = cutAt == i ? total : total - 2;
      }
      total += bytes;
    }
    if (cutAt < 0) {
      return text;
    }
    return text.substring(0, cutAt) + "…[truncated " + (total - kept) + " bytes]";
  }
}
