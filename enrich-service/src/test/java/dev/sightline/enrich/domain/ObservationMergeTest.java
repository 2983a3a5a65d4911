package dev.sightline.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.Usage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationMergeTest {

  private static final ObservationPayload CREATE =
      ObservationPayload.newBuilder()
          .setObservationId("o1")
          .setTraceId("t1")
          .setType(ObservationType.GENERATION)
          .setName("draft")
          .setStartTimeMicros(1_000L)
          .setModel("gpt-4.1")
          .setUsage(Usage.newBuilder().setInputTokens(10L).build())
          .setAttributes(Map.of("a", "create", "b", "create"))
          .build();

  private static final ObservationPayload UPDATE =
      ObservationPayload.newBuilder()
          .setObservationId("o1")
          .setTraceId("t1")
          .setUpdate(true)
          .setName("final")
          .setEndTimeMicros(2_000L)
          .setLevel(Level.ERROR)
          .setUsage(Usage.newBuilder().setOutputTokens(5L).build())
          .setAttributes(Map.of("a", "update"))
          .build();

  @Test
  void anUpdateAfterTheCreateOverwritesWithItsNonNullFields() {
    ObservationPayload merged = ObservationMerge.merge(CREATE, true, UPDATE);

    assertThat(merged.getName()).isEqualTo("final");
    assertThat(merged.getModel()).isEqualTo("gpt-4.1");
    assertThat(merged.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(merged.getLevel()).isEqualTo(Level.ERROR);
    assertThat(merged.getUsage().getInputTokens()).isEqualTo(10L);
    assertThat(merged.getUsage().getOutputTokens()).isEqualTo(5L);
    assertThat(merged.getAttributes()).containsEntry("a", "update").containsEntry("b", "create");
    assertThat(merged.getUpdate()).isFalse();
  }

  @Test
  void aCreateAfterItsUpdateOnlyFillsWhatTheUpdateLeftEmpty() {
    ObservationPayload merged =
        ObservationMerge.merge(ObservationMerge.merge(null, false, UPDATE), false, CREATE);

    assertThat(merged).isEqualTo(ObservationMerge.merge(CREATE, true, UPDATE));
  }

  @Test
  void aStartOnAnotherDayKeepsTheEmittedStartAndRecordsTheReportedOne() {
    long day = 86_400_000_000L;
    ObservationPayload moved =
        ObservationPayload.newBuilder(CREATE).setStartTimeMicros(3 * day).build();

    ObservationPayload kept = RowDay.pinned(moved, 1_000L, 5_000L);
    ObservationPayload sameDay = RowDay.pinned(moved, 3 * day + 7, 5_000L);

    assertThat(kept.getStartTimeMicros()).isEqualTo(1_000L);
    assertThat(kept.getAttributes())
        .containsEntry(RowDay.LATE_START_ATTRIBUTE, String.valueOf(3 * day));
    assertThat(sameDay).isSameAs(moved);
  }
}
