package dev.sightline.ingest.domain.guard;

import static dev.sightline.ingest.domain.guard.Events.NOW;
import static dev.sightline.ingest.domain.guard.Events.event;
import static dev.sightline.ingest.domain.guard.Events.observation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.TracePayload;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Oversized values are cut with a marker rather than rejected. */
class TruncationTest {

  private final Truncation truncation =
      new Truncation(new GuardLimits(10, 256, 3, 10, 20, Duration.ofDays(1), Duration.ofDays(1)));

  private static Map<String, String> attributes(int n) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("k" + i, "v" + i);
    }
    return m;
  }

  @Test
  void dropsAttributesOverTheLimitAndSaysHowManyInAMarker() {
    IngestEvent e = event("p", observation("a1").setAttributes(attributes(5)).build());

    truncation.apply(e);

    assertThat(((ObservationPayload) e.getPayload()).getAttributes())
        .containsOnlyKeys("k0", "k1", "k2", Truncation.DROPPED_KEY)
        .containsEntry(Truncation.DROPPED_KEY, "dropped 2 of 5 attributes (limit 3)");
  }

  @Test
  void cutsAnOversizedAttributeValueWithAMarkerNamingTheCutBytes() {
    IngestEvent e =
        event("p", observation("a1").setAttributes(Map.of("k", "x".repeat(25))).build());

    truncation.apply(e);

    assertThat(((ObservationPayload) e.getPayload()).getAttributes())
        .containsEntry("k", "x".repeat(10) + "…[truncated 15 bytes]");
  }

  @Test
  void cutsOversizedInputOutputStatusAndRetrievalDocuments() {
    IngestEvent e =
        event(
            "p",
            observation("a1")
                .setInput("i".repeat(30))
                .setOutput("o".repeat(30))
                .setStatusMessage("s".repeat(11))
                .setRetrievalDocuments(List.of(Events.document("d".repeat(21))))
                .build());

    truncation.apply(e);

    ObservationPayload o = (ObservationPayload) e.getPayload();
    assertThat(o.getInput()).isEqualTo("i".repeat(20) + "…[truncated 10 bytes]");
    assertThat(o.getOutput()).startsWith("o".repeat(20) + "…[truncated");
    assertThat(o.getStatusMessage()).isEqualTo("s".repeat(10) + "…[truncated 1 bytes]");
    assertThat(o.getRetrievalDocuments().get(0).getContent()).endsWith("…[truncated 1 bytes]");
  }

  @Test
  void cutsTraceMetadataOverTheLimit() {
    IngestEvent e = event("p", Events.trace(NOW).setMetadata(attributes(4)).build());

    truncation.apply(e);

    assertThat(((TracePayload) e.getPayload()).getMetadata()).containsKey(Truncation.DROPPED_KEY);
  }

  @Test
  void countsUtf8BytesAndNeverSplitsASurrogatePair() {
    String emoji = "😀".repeat(4); // 4 bytes each in UTF-8

    assertThat(Truncation.cut(emoji, 6)).isEqualTo("😀…[truncated 12 bytes]");
    assertThat(Truncation.cut("ééééé", 4)).isEqualTo("éé…[truncated 6 bytes]");
    assertThat(Truncation.cut("short", 5)).isEqualTo("short");
  }
}
