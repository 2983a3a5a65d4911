package dev.sightline.ingest.domain;

import static dev.sightline.ingest.domain.OtlpFixtures.dbl;
import static dev.sightline.ingest.domain.OtlpFixtures.num;
import static dev.sightline.ingest.domain.OtlpFixtures.request;
import static dev.sightline.ingest.domain.OtlpFixtures.span;
import static dev.sightline.ingest.domain.OtlpFixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.schemas.avro.IngestEvent;
import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.RetrievalDocument;
import dev.sightline.schemas.avro.TracePayload;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per attribute family (GenAI semconv, OpenLLMetry, OpenInference, Langfuse, OTel). */
class OtlpSemconvMappingTest {

  private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String ROOT = "b7ad6b7169203331";
  private static final String CHILD = "00f067aa0ba902b7";

  private final OtlpSpanMapper mapper = new OtlpSpanMapper();

  private ObservationPayload child(Span.Builder span) {
    IngestEvent e = mapper.map(request(List.of(), span.build()), "p1", 1L).get(0);
    return (ObservationPayload) e.getPayload();
  }

  private List<IngestEvent> root(Span.Builder span) {
    return mapper.map(request(List.of(), span.build()), "p1", 1L);
  }

  private static Span.Builder childSpan() {
    return span(TRACE, CHILD, ROOT, "step");
  }

  private static Span.Event event(String name, KeyValue... attrs) {
    return Span.Event.newBuilder().setName(name).addAllAttributes(List.of(attrs)).build();
  }

  private static KeyValue strings(String key, String... values) {
    ArrayValue.Builder a = ArrayValue.newBuilder();
    for (String v : values) {
      a.addValues(AnyValue.newBuilder().setStringValue(v));
    }
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setArrayValue(a))
        .build();
  }

  @Test
  void mapsGenAiRequestParametersCacheTokensAndKeepsResponseIdsInAttributes() {
    ObservationPayload o =
        child(
            childSpan()
                .addAttributes(str("gen_ai.operation.name", "chat"))
                .addAttributes(str("gen_ai.provider.name", "anthropic"))
                .addAttributes(str("gen_ai.request.model", "claude-sonnet"))
                .addAttributes(dbl("gen_ai.request.temperature", 0.5))
                .addAttributes(num("gen_ai.request.max_tokens", 512))
                .addAttributes(dbl("gen_ai.request.top_p", 0.9))
                .addAttributes(num("gen_ai.usage.prompt_tokens", 100))
                .addAttributes(num("gen_ai.usage.completion_tokens", 20))
                .addAttributes(num("gen_ai.usage.cache_read.input_tokens", 80))
                .addAttributes(num("gen_ai.usage.cache_creation_input_tokens", 10))
                .addAttributes(dbl("gen_ai.usage.cost", 0.01))
                .addAttributes(str("gen_ai.response.id", "msg_1"))
                .addAttributes(strings("gen_ai.response.finish_reasons", "stop")));

    assertThat(o.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(o.getProvider()).isEqualTo("anthropic");
    assertThat(o.getModel()).isEqualTo("claude-sonnet");
    assertThat(o.getModelParameters())
        .containsEntry("temperature", "0.5")
        .containsEntry("max_tokens", "512")
        .containsEntry("top_p", "0.9")
        .doesNotContainKey("model");
    assertThat(o.getUsage().getInputTokens()).isEqualTo(100L);
    assertThat(o.getUsage().getOutputTokens()).isEqualTo(20L);
    assertThat(o.getUsage().getCacheReadTokens()).isEqualTo(80L);
    assertThat(o.getUsage().getCacheCreationTokens()).isEqualTo(10L);
    assertThat(o.getProvidedCostUsd()).isEqualTo(0.01);
    assertThat(o.getAttributes())
        .containsEntry("gen_ai.response.id", "msg_1")
        .containsEntry("gen_ai.response.finish_reasons", "[\"stop\"]")
        .containsEntry("gen_ai.operation.name", "chat");
  }

  @Test
  void infersToolAgentAndEmbeddingTypesFromGenAiAttributes() {
    assertThat(child(childSpan().addAttributes(str("gen_ai.tool.name", "search"))).getType())
        .isEqualTo(ObservationType.TOOL);
    assertThat(child(childSpan().addAttributes(str("gen_ai.agent.name", "planner"))).getType())
        .isEqualTo(ObservationType.AGENT);
    assertThat(
            child(childSpan().addAttributes(str("gen_ai.operation.name", "embeddings"))).getType())
        .isEqualTo(ObservationType.EMBEDDING);
    ObservationPayload tool =
        child(
            childSpan()
                .addAttributes(str("gen_ai.operation.name", "execute_tool"))
                .addAttributes(str("gen_ai.tool.call.id", "call_9")));
    assertThat(tool.getType()).isEqualTo(ObservationType.TOOL);
    assertThat(tool.getAttributes()).containsEntry("gen_ai.tool.call.id", "call_9");
  }

  @Test
  void readsPromptAndCompletionFromSpanEvents() {
    ObservationPayload legacy =
        child(
            childSpan()
                .addEvents(event("gen_ai.content.prompt", str("gen_ai.prompt", "2+2?")))
                .addEvents(event("gen_ai.content.completion", str("gen_ai.completion", "4"))));
    assertThat(legacy.getInput()).isEqualTo("2+2?");
    assertThat(legacy.getOutput()).isEqualTo("4");

    ObservationPayload messages =
        child(
            childSpan()
                .addEvents(event("gen_ai.system.message", str("content", "be brief")))
                .addEvents(event("gen_ai.user.message", str("content", "hi")))
                .addEvents(
                    event("gen_ai.choice", str("finish_reason", "stop"), str("message", "yo"))));
    assertThat(messages.getInput())
        .isEqualTo(
            "[{\"role\":\"system\",\"content\":\"be brief\"},{\"role\":\"user\",\"content\":\"hi\"}]");
    assertThat(messages.getOutput()).isEqualTo("[{\"finish_reason\":\"stop\",\"message\":\"yo\"}]");
  }

  @Test
  void joinsOpenLlmetryIndexedPromptsIntoAJsonListButKeepsThePromptName() {
    ObservationPayload o =
        child(
            childSpan()
                .addAttributes(str("gen_ai.prompt.0.role", "user"))
                .addAttributes(str("gen_ai.prompt.0.content", "hello"))
                .addAttributes(str("gen_ai.completion.0.role", "assistant"))
                .addAttributes(str("gen_ai.completion.0.content", "hi there"))
                .addAttributes(str("gen_ai.prompt.name", "greet")));

    assertThat(o.getInput()).isEqualTo("[{\"role\":\"user\",\"content\":\"hello\"}]");
    assertThat(o.getOutput()).isEqualTo("[{\"role\":\"assistant\",\"content\":\"hi there\"}]");
    assertThat(o.getPromptName()).isEqualTo("greet");
    assertThat(o.getAttributes()).doesNotContainKey("gen_ai.prompt.0.role");
  }

  @Test
  void mapsOpenInferenceLlmAndRetrieverSpans() {
    ObservationPayload llm =
        child(
            childSpan()
                .addAttributes(str("openinference.span.kind", "LLM"))
                .addAttributes(str("llm.model_name", "gpt-4o"))
                .addAttributes(str("llm.provider", "openai"))
                .addAttributes(num("llm.token_count.prompt", 12))
                .addAttributes(num("llm.token_count.completion", 3))
                .addAttributes(num("llm.token_count.completion_details.reasoning", 2))
                .addAttributes(str("llm.invocation_parameters", "{\"temperature\":0.1}"))
                .addAttributes(str("llm.input_messages.0.message.role", "user"))
                .addAttributes(str("llm.input_messages.0.message.content", "q")));
    assertThat(llm.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(llm.getModel()).isEqualTo("gpt-4o");
    assertThat(llm.getProvider()).isEqualTo("openai");
    assertThat(llm.getUsage().getInputTokens()).isEqualTo(12L);
    assertThat(llm.getUsage().getDetails()).containsEntry("reasoning", 2L);
    assertThat(llm.getModelParameters()).containsEntry("temperature", "0.1");
    assertThat(llm.getInput()).isEqualTo("[{\"role\":\"user\",\"content\":\"q\"}]");

    ObservationPayload retriever =
        child(
            childSpan()
                .addAttributes(str("openinference.span.kind", "RETRIEVER"))
                .addAttributes(str("input.value", "what is x"))
                .addAttributes(str("retrieval.documents.0.document.id", "d1"))
                .addAttributes(str("retrieval.documents.0.document.content", "x is y"))
                .addAttributes(dbl("retrieval.documents.0.document.score", 0.9))
                .addAttributes(str("retrieval.documents.1.document.id", "d2"))
                .addAttributes(str("retrieval.documents.1.document.metadata", "{\"src\":\"a\"}")));
    assertThat(retriever.getType()).isEqualTo(ObservationType.RETRIEVAL);
    assertThat(retriever.getInput()).isEqualTo("what is x");
    assertThat(retriever.getRetrievalDocuments())
        .extracting(
            RetrievalDocument::getId, RetrievalDocument::getContent, RetrievalDocument::getScore)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d1", "x is y", 0.9),
            org.assertj.core.groups.Tuple.tuple("d2", null, null));
    assertThat(retriever.getAttributes())
        .containsEntry("retrieval.documents.1.document.metadata", "{\"src\":\"a\"}");
  }

  @Test
  void takesTraceTagsMetadataUserAndSessionFromOpenInferenceRootSpans() {
    List<IngestEvent> events =
        root(
            span(TRACE, ROOT, null, "agent run")
                .addAttributes(str("session.id", "s-1"))
                .addAttributes(str("user.id", "u-1"))
                .addAttributes(strings("tag.tags", "beta", "eu"))
                .addAttributes(str("metadata", "{\"tenant\":\"acme\",\"n\":2}"))
                .addAttributes(str("input.value", "question"))
                .addAttributes(str("output.value", "answer")));

    TracePayload trace = (TracePayload) events.get(0).getPayload();
    assertThat(trace.getSessionId()).isEqualTo("s-1");
    assertThat(trace.getUserId()).isEqualTo("u-1");
    assertThat(trace.getTags()).containsExactly("beta", "eu");
    assertThat(trace.getMetadata()).containsEntry("tenant", "acme").containsEntry("n", "2");
    assertThat(trace.getInput()).isEqualTo("question");
    assertThat(trace.getOutput()).isEqualTo("answer");
  }

  @Test
  void mapsLangfuseAttributesIncludingUsageAndCostDetailsJson() {
    List<IngestEvent> events =
        root(
            span(TRACE, ROOT, null, "gen")
                .addAttributes(str("langfuse.observation.type", "generation"))
                .addAttributes(str("langfuse.observation.model.name", "gpt-4.1"))
                .addAttributes(
                    str(
                        "langfuse.observation.usage_details",
                        "{\"input\":10,\"output\":5,\"cache_read_input_tokens\":4,\"audio\":1}"))
                .addAttributes(
                    str("langfuse.observation.cost_details", "{\"input\":0.1,\"output\":0.2}"))
                .addAttributes(str("langfuse.observation.level", "WARNING"))
                .addAttributes(str("langfuse.observation.status_message", "slow"))
                .addAttributes(
                    str("langfuse.observation.completion_start_time", "\"2024-01-01T00:00:01.5Z\""))
                .addAttributes(str("langfuse.trace.name", "checkout"))
                .addAttributes(strings("langfuse.trace.tags", "a", "b"))
                .addAttributes(str("langfuse.trace.metadata.plan", "pro"))
                .addAttributes(str("langfuse.session.id", "s-2"))
                .addAttributes(str("langfuse.user.id", "u-2"))
                .addAttributes(str("langfuse.release", "r1"))
                .addAttributes(str("langfuse.version", "v3"))
                .addAttributes(str("langfuse.environment", "staging")));

    TracePayload trace = (TracePayload) events.get(0).getPayload();
    ObservationPayload o = (ObservationPayload) events.get(1).getPayload();
    assertThat(o.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(o.getModel()).isEqualTo("gpt-4.1");
    assertThat(o.getUsage().getInputTokens()).isEqualTo(10L);
    assertThat(o.getUsage().getOutputTokens()).isEqualTo(5L);
    assertThat(o.getUsage().getCacheReadTokens()).isEqualTo(4L);
    assertThat(o.getUsage().getDetails()).containsEntry("audio", 1L);
    assertThat(o.getProvidedCostUsd()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(o.getLevel()).isEqualTo(Level.WARNING);
    assertThat(o.getStatusMessage()).isEqualTo("slow");
    assertThat(o.getCompletionStartTimeMicros()).isEqualTo(1_704_067_201_500_000L);
    assertThat(o.getEnvironment()).isEqualTo("staging");
    assertThat(trace.getName()).isEqualTo("checkout");
    assertThat(trace.getTags()).containsExactly("a", "b");
    assertThat(trace.getMetadata()).containsEntry("plan", "pro");
    assertThat(trace.getSessionId()).isEqualTo("s-2");
    assertThat(trace.getUserId()).isEqualTo("u-2");
    assertThat(trace.getRelease()).isEqualTo("r1");
    assertThat(trace.getVersion()).isEqualTo("v3");
    assertThat(trace.getEnvironment()).isEqualTo("staging");
  }

  @Test
  void marksASpanWithAnExceptionEventAsErrorWithTheExceptionMessage() {
    ObservationPayload o =
        child(
            childSpan()
                .addEvents(
                    event(
                        "exception",
                        str("exception.type", "TimeoutError"),
                        str("exception.message", "upstream timed out"))));

    assertThat(o.getLevel()).isEqualTo(Level.ERROR);
    assertThat(o.getStatusMessage()).isEqualTo("upstream timed out");
  }

  @Test
  void takesTheEnvironmentFromTheResourceAndKeepsTheServiceName() {
    List<IngestEvent> events =
        mapper.map(
            request(
                List.of(str("service.name", "shop"), str("deployment.environment", "prod")),
                childSpan().build()),
            "p1",
            1L);

    ObservationPayload o = (ObservationPayload) events.get(0).getPayload();
    assertThat(o.getEnvironment()).isEqualTo("prod");
    assertThat(o.getAttributes()).containsEntry("resource.service.name", "shop");
  }

  @Test
  void reportsASpanWithABadIdAndStillMapsTheOthers() {
    Span bad = span(TRACE, ROOT, null, "x").setSpanId(OtlpFixtures.hex("00")).build();
    Span good = childSpan().build();

    OtlpSpanMapper.Result result = mapper.mapEach(request(List.of(), bad, good), "p1", 1L);

    assertThat(result.events()).hasSize(1);
    assertThat(result.invalidSpans())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.pointer())
                    .isEqualTo("resourceSpans[0].scopeSpans[0].spans[0].spanId"));
  }
}
