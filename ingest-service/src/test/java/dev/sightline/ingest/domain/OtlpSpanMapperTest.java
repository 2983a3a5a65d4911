package dev.sightline.ingest.domain;

import static dev.sightline.ingest.domain.OtlpFixtures.dbl;
import static dev.sightline.ingest.domain.OtlpFixtures.num;
import static dev.sightline.ingest.domain.OtlpFixtures.request;
import static dev.sightline.ingest.domain.OtlpFixtures.span;
import static dev.sightline.ingest.domain.OtlpFixtures.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.TracePayload;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OtlpSpanMapperTest {

  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String ROOT = "b7ad6b7169203331";
  private static final String CHILD = "00f067aa0ba902b7";

  private final AtomicInteger ids = new AtomicInteger();
  private final OtlpSpanMapper mapper = new OtlpSpanMapper(() -> "e" + ids.incrementAndGet());

  private List<IngestEvent> map(Span... spans) {
    return mapper.map(request(List.of(), spans), "p1", 42L);
  }

  private static ObservationPayload observation(IngestEvent e) {
    return (ObservationPayload) e.getPayload();
  }

  @Test
  void mapsAGenAiSpanToAGenerationWithModelTokensAndCost() {
    Span chat =
        span(TRACE, CHILD, ROOT, "chat gpt-4o")
            .addAttributes(str("gen_ai.request.model", "gpt-4o"))
            .addAttributes(str("gen_ai.response.model", "gpt-4o-2024-08-06"))
            .addAttributes(str("gen_ai.system", "openai"))
            .addAttributes(num("gen_ai.usage.input_tokens", 120))
            .addAttributes(str("gen_ai.usage.output_tokens", "30"))
            .addAttributes(dbl("gen_ai.usage.cost", 0.0042))
            .addAttributes(dbl("gen_ai.request.temperature", 0.2))
            .addAttributes(str("langfuse.observation.prompt.name", "greeting"))
            .addAttributes(num("langfuse.observation.prompt.version", 3))
            .addAttributes(str("input.value", "hi"))
            .addAttributes(str("output.value", "hello"))
            .build();

    List<IngestEvent> events = map(chat);

    assertThat(events).hasSize(1);
    IngestEvent event = events.get(0);
    assertThat(event.getKind()).isEqualTo(EventKind.OBSERVATION);
    assertThat(event.getProjectId()).isEqualTo("p1");
    assertThat(event.getReceivedAtMicros()).isEqualTo(42L);
    ObservationPayload o = observation(event);
    assertThat(o.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(o.getObservationId()).isEqualTo(CHILD);
    assertThat(o.getTraceId()).isEqualTo(TRACE);
    assertThat(o.getParentObservationId()).isEqualTo(ROOT);
    assertThat(o.getStartTimeMicros()).isEqualTo(1_700_000_000_000_000L);
    assertThat(o.getEndTimeMicros()).isEqualTo(1_700_000_001_500_000L);
    assertThat(o.getModel()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(o.getProvider()).isEqualTo("openai");
    assertThat(o.getUsage().getInputTokens()).isEqualTo(120L);
    assertThat(o.getUsage().getOutputTokens()).isEqualTo(30L);
    assertThat(o.getProvidedCostUsd()).isEqualTo(0.0042);
    assertThat(o.getModelParameters()).containsEntry("temperature", "0.2");
    assertThat(o.getPromptName()).isEqualTo("greeting");
    assertThat(o.getPromptVersion()).isEqualTo(3);
    assertThat(o.getInput()).isEqualTo("hi");
    assertThat(o.getOutput()).isEqualTo("hello");
    // The request model lost to the response model, so it is kept rather than dropped.
    assertThat(o.getAttributes())
        .containsEntry("gen_ai.request.model", "gpt-4o")
        .doesNotContainKeys("gen_ai.usage.input_tokens", "gen_ai.response.model", "input.value");
  }

  @Test
  void emitsAnExtraTraceEventForARootSpanOnly() {
    Span root =
        span(TRACE, ROOT, null, "handle request")
            .addAttributes(str("user.id", "u-7"))
            .addAttributes(str("session.id", "s-9"))
            .addAttributes(str("langfuse.environment", "staging"))
            .build();
    Span child = span(TRACE, CHILD, ROOT, "retrieve").build();

    List<IngestEvent> events = map(root, child);

    assertThat(events)
        .extracting(IngestEvent::getKind)
        .containsExactly(EventKind.TRACE, EventKind.OBSERVATION, EventKind.OBSERVATION);
    assertThat(events).extracting(IngestEvent::getEventId).doesNotHaveDuplicates();
    TracePayload trace = (TracePayload) events.get(0).getPayload();
    assertThat(trace.getTraceId()).isEqualTo(TRACE);
    assertThat(trace.getName()).isEqualTo("handle request");
    assertThat(trace.getUserId()).isEqualTo("u-7");
    assertThat(trace.getSessionId()).isEqualTo("s-9");
    assertThat(trace.getEnvironment()).isEqualTo("staging");
    assertThat(trace.getTimestampMicros()).isEqualTo(1_700_000_000_000_000L);
    assertThat(observation(events.get(1)).getParentObservationId()).isNull();
    assertThat(observation(events.get(1)).getType()).isEqualTo(ObservationType.SPAN);
    assertThat(observation(events.get(2)).getEnvironment()).isNull();
  }

  @Test
  void keepsUnknownSpanAndResourceAttributesVerbatim() {
    Span s =
        span(TRACE, ROOT, null, "work")
            .addAttributes(str("app.feature", "search"))
            .addAttributes(num("retry.count", 2))
            .build();

    List<IngestEvent> events =
        mapper.map(
            request(
                List.of(str("service.name", "shop"), str("deployment.environment.name", "prod")),
                s),
            "p1",
            1L);

    ObservationPayload o = observation(events.get(1));
    assertThat(o.getAttributes())
        .containsEntry("app.feature", "search")
        .containsEntry("retry.count", "2")
        .containsEntry("resource.service.name", "shop")
        .containsEntry("otel.scope.name", "test-scope");
    assertThat(o.getEnvironment()).isEqualTo("prod");
  }

  @Test
  void marksAnErrorStatusAsErrorLevelWithItsMessage() {
    Span failed =
        span(TRACE, ROOT, null, "boom")
            .setStatus(
                Status.newBuilder()
                    .setCode(Status.StatusCode.STATUS_CODE_ERROR)
                    .setMessage("rate limited"))
            .build();

    ObservationPayload o = observation(map(failed).get(1));

    assertThat(o.getLevel()).isEqualTo(Level.ERROR);
    assertThat(o.getStatusMessage()).isEqualTo("rate limited");
  }

  @Test
  void takesTheTypeFromOpenInferenceSpanKind() {
    Span retriever =
        span(TRACE, CHILD, ROOT, "search")
            .addAttributes(str("openinference.span.kind", "RETRIEVER"))
            .build();

    assertThat(observation(map(retriever).get(0)).getType()).isEqualTo(ObservationType.RETRIEVAL);
  }

  @Test
  void rejectsASpanWhoseTraceIdIsNotSixteenBytesNamingItsPath() {
    Span bad = span(TRACE, ROOT, null, "x").setTraceId(OtlpFixtures.hex("abcd")).build();

    assertThatThrownBy(() -> map(bad))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("resourceSpans[0].scopeSpans[0].spans[0].traceId");
  }
}
