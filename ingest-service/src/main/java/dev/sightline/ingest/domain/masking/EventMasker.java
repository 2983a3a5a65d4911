package dev.sightline.ingest.domain.masking;

import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.RetrievalDocument;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the free-text fields of an event in place: input, output, attribute and metadata values,
 * status message, retrieval document contents and score comments. Ids, names and model stay.
 */
public final class EventMasker {

  private final Masker masker;
  private final ProjectMaskingRules projectRules;

  /** A masker of events with the built-ins of {@code masker} plus each project's own rules. */
  public EventMasker(Masker masker, ProjectMaskingRules projectRules) {
    this.masker = masker;
    this.projectRules = projectRules;
  }

  /** Masks the event's payload; the event's project picks the extra rules. */
  public void mask(IngestEvent event) {
    List<MaskRule> extra = projectRules.of(event.getProjectId());
    Object payload = event.getPayload();
    if (payload instanceof ObservationPayload o) {
      o.setInput(masker.mask(o.getInput(), extra));
      o.setOutput(masker.mask(o.getOutput(), extra));
      o.setStatusMessage(masker.mask(o.getStatusMessage(), extra));
      o.setAttributes(maskValues(o.getAttributes(), extra));
      for (RetrievalDocument d : o.getRetrievalDocuments()) {
        d.setContent(masker.mask(d.getContent(), extra));
      }
    } else if (payload instanceof TracePayload t) {
      t.setInput(masker.mask(t.getInput(), extra));
      t.setOutput(masker.mask(t.getOutput(), extra));
      t.setMetadata(maskValues(t.getMetadata(), extra));
    } else if (payload instanceof ScorePayload s) {
      s.setComment(masker.mask(s.getComment(), extra));
      s.setStringValue(masker.mask(s.getStringValue(), extra));
    }
  }

  /**
   * The values masked; the same map when nothing needed masking, which is the common case, so no
   * copy re-hashes every key. A copy when something changed, as the mapper may hand over an
   * immutable map.
   */
  private Map<String, String> maskValues(Map<String, String> values, List<MaskRule> extra) {
    Map<String, String> out = null;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String masked = masker.mask(e.getValue(), extra);
      if (masked != e.getValue() && out == null) {
        out = new LinkedHashMap<>(values);
      }
      if (out != null) {
        out.put(e.getKey(), masked);
      }
    }
    return out == null ? values : out;
  }
}
