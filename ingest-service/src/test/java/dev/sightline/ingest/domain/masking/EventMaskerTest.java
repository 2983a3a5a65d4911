package dev.sightline.ingest.domain.masking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.domain.guard.Events;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.MaskingRule;
import dev.sightline.schemas.avro.MaskingRuleSet;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMaskerTest {

  private final ProjectMaskingRules projectRules = new ProjectMaskingRules();
  private final EventMasker masker = new EventMasker(new Masker(BuiltInRules.ALL), projectRules);

  @Test
  void masksEveryFreeTextFieldOfAnObservationButNotItsIds() {
    IngestEvent event =
        Events.event(
            "p",
            Events.observation("b7ad6b7169203332")
                .setInput("from a@b.io")
                .setOutput("call +1 415 555 2671")
                .setStatusMessage("key sk-proj-abcdefghijklmnopqrstuvwxyz123456 failed")
                .setAttributes(Map.of("user.email", "c@d.io"))
                .setRetrievalDocuments(List.of(Events.document("IBAN GB82WEST12345698765432")))
                .build());

    masker.mask(event);

    ObservationPayload o = (ObservationPayload) event.getPayload();
    assertThat(o.getInput()).isEqualTo("from [MASKED:email]");
    assertThat(o.getOutput()).isEqualTo("call [MASKED:phone]");
    assertThat(o.getStatusMessage()).isEqualTo("key [MASKED:openai-key] failed");
    assertThat(o.getAttributes()).containsEntry("user.email", "[MASKED:email]");
    assertThat(o.getRetrievalDocuments().get(0).getContent()).isEqualTo("IBAN [MASKED:iban]");
    assertThat(o.getObservationId()).isEqualTo("b7ad6b7169203332");
  }

  @Test
  void masksTraceInputOutputMetadataAndScoreComments() {
    IngestEvent trace =
        Events.event(
            "p",
            Events.trace(Events.NOW)
                .setInput("a@b.io")
                .setOutput("AKIAIOSFODNN7EXAMPLE")
                .setMetadata(Map.of("card", "4111111111111111"))
                .build());
    IngestEvent score = Events.event("p", Events.score("s1").setComment("ask e@f.io").build());

    masker.mask(trace);
    masker.mask(score);

    TracePayload t = (TracePayload) trace.getPayload();
    assertThat(t.getInput()).isEqualTo("[MASKED:email]");
    assertThat(t.getOutput()).isEqualTo("[MASKED:aws-access-key]");
    assertThat(t.getMetadata()).containsEntry("card", "[MASKED:card]");
    assertThat(((ScorePayload) score.getPayload()).getComment()).isEqualTo("ask [MASKED:email]");
  }

  @Test
  void appliesTheRulesOfTheEventsOwnProjectOnly() {
    projectRules.apply(
        "with-rule",
        MaskingRuleSet.newBuilder()
            .setProjectId("with-rule")
            .setRules(List.of(new MaskingRule("ticket", "TCK-\\d+")))
            .setUpdatedAtMicros(1)
            .build());
    IngestEvent mine =
        Events.event(
            "with-rule", Events.observation("b7ad6b7169203333").setInput("TCK-42").build());
    IngestEvent other =
        Events.event("other", Events.observation("b7ad6b7169203334").setInput("TCK-42").build());

    masker.mask(mine);
    masker.mask(other);

    assertThat(((ObservationPayload) mine.getPayload()).getInput()).isEqualTo("[MASKED:ticket]");
    assertThat(((ObservationPayload) other.getPayload()).getInput()).isEqualTo("TCK-42");
  }
}
