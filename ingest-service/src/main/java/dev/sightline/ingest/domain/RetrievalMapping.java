package dev.sightline.ingest.domain;

import dev.sightline.schemas.avro.RetrievalDocument;
import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;

/** OpenInference {@code retrieval.documents.N.document.{id,content,score}} as documents. */
final class RetrievalMapping {

  private RetrievalMapping() {}

  /** The documents in index order; their other fields (e.g. metadata) go back to attributes. */
  static List<RetrievalDocument> of(AttributeBag attrs, Map<String, String> leftovers) {
    SortedMap<Integer, Map<String, AnyValue>> docs = attrs.takeIndexed("retrieval.documents");
    List<RetrievalDocument> out = new ArrayList<>();
    docs.forEach(
        (index, fields) -> {
          RetrievalDocument.Builder d = RetrievalDocument.newBuilder();
          fields.forEach(
              (k, v) -> {
                switch (k) {
                  case "document.id" -> d.setId(AnyValues.text(v));
                  case "document.content" -> d.setContent(AnyValues.text(v));
                  case "document.score" -> {
                    OptionalDouble score = AnyValues.asDouble(v);
                    if (score.isPresent()) {
                      d.setScore(score.getAsDouble());
                    } else {
                      leftovers.put("retrieval.documents." + index + "." + k, AnyValues.text(v));
                    }
                  }
                  default ->
                      leftovers.put("retrieval.documents." + index + "." + k, AnyValues.text(v));
                }
              });
          out.add(d.build());
        });
    return out;
  }
}
