package dev.sightline.ingest.domain.langfuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.schemas.avro.EventKind;
import dev.sightline.schemas.avro.Level;
import dev.sightline.schemas.avro.ObservationPayload;
import dev.sightline.schemas.avro.ObservationType;
import dev.sightline.schemas.avro.ScoreDataType;
import dev.sightline.schemas.avro.ScorePayload;
import dev.sightline.schemas.avro.TracePayload;
import org.junit.jupiter.api.Test;

class LangfuseBatchMapperTest {

  private static final long T0 = 1_704_067_200_000_000L; // 2024-01-01T00:00:00Z

  private final LangfuseBatchMapper mapper = new LangfuseBatchMapper();

  private LangfuseBatchMapper.Result map(String json) throws Exception {
    JsonNode root = new ObjectMapper().readTree(json.replace('\'', '"'));
    return mapper.map(root, "p1", 42L);
  }

  private static String item(String id, String type, String body) {
    return "{'id':'%s','type':'%s','timestamp':'2024-01-01T00:00:00Z','body':%s}"
        .formatted(id, type, body);
  }

  private static String batch(String... items) {
    return "{'batch':[" + String.join(",", items) + "],'metadata':{'sdk':'x'}}";
  }

  @Test
  void mapsATraceCreateWithAllItsFields() throws Exception {
    var result =
        map(
            batch(
                item(
                    "e1",
                    "trace-create",
                    "{'id':'t1','name':'chat','userId':'u','sessionId':'s','tags':['a','b'],"
                        + "'environment':'prod','release':'r','version':'v','input':{'q':1},"
                        + "'output':'ok','metadata':{'k':'v','n':2},"
                        + "'timestamp':'2024-01-01T01:00:00.000001+01:00'}")));

    assertThat(result.failed()).isEmpty();
    var event = result.events().get(0).event();
    assertThat(event.getKind()).isEqualTo(EventKind.TRACE);
    assertThat(event.getEventId()).isEqualTo("e1");
    TracePayload t = (TracePayload) event.getPayload();
    assertThat(t.getTraceId()).isEqualTo("t1");
    assertThat(t.getName()).isEqualTo("chat");
    assertThat(t.getUserId()).isEqualTo("u");
    assertThat(t.getSessionId()).isEqualTo("s");
    assertThat(t.getTags()).containsExactly("a", "b");
    assertThat(t.getEnvironment()).isEqualTo("prod");
    assertThat(t.getRelease()).isEqualTo("r");
    assertThat(t.getVersion()).isEqualTo("v");
    assertThat(t.getInput()).isEqualTo("{\"q\":1}");
    assertThat(t.getOutput()).isEqualTo("ok");
    assertThat(t.getMetadata()).containsEntry("k", "v").containsEntry("n", "2");
    assertThat(t.getTimestampMicros()).isEqualTo(T0 + 1);
  }

  @Test
  void mapsAGenerationWithUsageDetailsCostsAndTimes() throws Exception {
    var result =
        map(
            batch(
                item(
                    "e2",
                    "generation-create",
                    "{'id':'g1','traceId':'t1','parentObservationId':'s0','name':'llm',"
                        + "'startTime':'2024-01-01T00:00:01Z','endTime':'2024-01-01T00:00:03Z',"
                        + "'completionStartTime':'2024-01-01T00:00:02Z','model':'gpt-4o',"
                        + "'modelParameters':{'temperature':0.2,'stop':['x']},"
                        + "'usageDetails':{'input':10,'output':4,'total':14,"
                        + "'cache_read_input_tokens':3,'output_reasoning_tokens':2},"
                        + "'costDetails':{'input':0.01,'output':0.02},"
                        + "'promptName':'p','promptVersion':3,'input':[{'role':'user'}],"
                        + "'output':'hi','metadata':{'m':'1'},'level':'WARNING',"
                        + "'statusMessage':'slow','environment':'dev','version':'9'}")));

    ObservationPayload o = (ObservationPayload) result.events().get(0).event().getPayload();
    assertThat(o.getType()).isEqualTo(ObservationType.GENERATION);
    assertThat(o.getUpdate()).isFalse();
    assertThat(o.getObservationId()).isEqualTo("g1");
    assertThat(o.getParentObservationId()).isEqualTo("s0");
    assertThat(o.getStartTimeMicros()).isEqualTo(T0 + 1_000_000);
    assertThat(o.getEndTimeMicros()).isEqualTo(T0 + 3_000_000);
    assertThat(o.getCompletionStartTimeMicros()).isEqualTo(T0 + 2_000_000);
    assertThat(o.getModelParameters())
        .containsEntry("temperature", "0.2")
        .containsEntry("stop", "[\"x\"]");
    assertThat(o.getUsage().getInputTokens()).isEqualTo(10L);
    assertThat(o.getUsage().getTotalTokens()).isEqualTo(14L);
    assertThat(o.getUsage().getCacheReadTokens()).isEqualTo(3L);
    assertThat(o.getUsage().getDetails()).containsEntry("output_reasoning_tokens", 2L);
    assertThat(o.getProvidedCostUsd()).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(o.getPromptName()).isEqualTo("p");
    assertThat(o.getPromptVersion()).isEqualTo(3);
    assertThat(o.getInput()).isEqualTo("[{\"role\":\"user\"}]");
    assertThat(o.getLevel()).isEqualTo(Level.WARNING);
    assertThat(o.getStatusMessage()).isEqualTo("slow");
    assertThat(o.getEnvironment()).isEqualTo("dev");
    assertThat(o.getAttributes()).containsEntry("metadata.m", "1").containsEntry("version", "9");
  }

  @Test
  void readsTheLegacyUsageObjectWithItsCosts() throws Exception {
    var result =
        map(
            batch(
                item(
                    "e3",
                    "generation-update",
                    "{'id':'g1','traceId':'t1','usage':{'promptTokens':7,'completionTokens':2,"
                        + "'unit':'TOKENS','totalCost':0.5}}")));

    ObservationPayload o = (ObservationPayload) result.events().get(0).event().getPayload();
    assertThat(o.getUpdate()).isTrue();
    assertThat(o.getStartTimeMicros()).isNull();
    assertThat(o.getUsage().getInputTokens()).isEqualTo(7L);
    assertThat(o.getUsage().getOutputTokens()).isEqualTo(2L);
    assertThat(o.getUsage().getDetails()).isEmpty();
    assertThat(o.getProvidedCostUsd()).isEqualTo(0.5);
  }

  @Test
  void keepsLangfuseObservationTypesBeyondSpanAndGeneration() throws Exception {
    var result =
        map(
            batch(
                item("a", "span-update", "{'id':'o1','traceId':'t'}"),
                item("b", "event-create", "{'id':'o2','traceId':'t'}"),
                item("c", "observation-create", "{'id':'o3','traceId':'t','type':'RETRIEVER'}"),
                item("d", "tool-create", "{'id':'o4','traceId':'t'}"),
                item("e", "agent-create", "{'id':'o5','traceId':'t'}"),
                item("f", "observation-create", "{'id':'o6','traceId':'t','type':'GUARDRAIL'}")));

    assertThat(result.failed()).isEmpty();
    assertThat(result.events())
        .extracting(m -> ((ObservationPayload) m.event().getPayload()).getType())
        .containsExactly(
            ObservationType.SPAN,
            ObservationType.EVENT,
            ObservationType.RETRIEVAL,
            ObservationType.TOOL,
            ObservationType.AGENT,
            ObservationType.GUARDRAIL);
    assertThat(((ObservationPayload) result.events().get(0).event().getPayload()).getUpdate())
        .isTrue();
  }

  @Test
  void mapsNumericCategoricalAndBooleanScores() throws Exception {
    var result =
        map(
            batch(
                item(
                    "s1", "score-create", "{'traceId':'t','name':'acc','value':0.9,'comment':'c'}"),
                item(
                    "s2",
                    "score-create",
                    "{'id':'x','traceId':'t','observationId':'o','name':'tone','value':'polite'}"),
                item("s3", "score-create", "{'traceId':'t','name':'ok','value':true}")));

    assertThat(result.events()).extracting(m -> m.event().getKind()).containsOnly(EventKind.SCORE);
    ScorePayload numeric = (ScorePayload) result.events().get(0).event().getPayload();
    assertThat(numeric.getScoreId()).isEqualTo("s1");
    assertThat(numeric.getValue()).isEqualTo(0.9);
    assertThat(numeric.getComment()).isEqualTo("c");
    assertThat(numeric.getTimestampMicros()).isEqualTo(T0);
    ScorePayload categorical = (ScorePayload) result.events().get(1).event().getPayload();
    assertThat(categorical.getScoreId()).isEqualTo("x");
    assertThat(categorical.getObservationId()).isEqualTo("o");
    assertThat(categorical.getStringValue()).isEqualTo("polite");
    assertThat(categorical.getDataType()).isEqualTo(ScoreDataType.CATEGORICAL);
    ScorePayload bool = (ScorePayload) result.events().get(2).event().getPayload();
    assertThat(bool.getValue()).isEqualTo(1.0);
    assertThat(bool.getDataType()).isEqualTo(ScoreDataType.BOOLEAN);
  }

  @Test
  void reportsInvalidItemsAndKeepsTheValidOnes() throws Exception {
    var result =
        map(
            batch(
                item("ok", "span-create", "{'id':'o1','traceId':'t'}"),
                item("bad-type", "dataset-create", "{'id':'d'}"),
                item("no-trace", "span-create", "{'id':'o2'}"),
                item(
                    "bad-time", "span-create", "{'id':'o3','traceId':'t','startTime':'yesterday'}"),
                item("log", "sdk-log", "{'log':'hello'}")));

    assertThat(result.events())
        .extracting(LangfuseBatchMapper.Mapped::itemId)
        .containsExactly("ok");
    assertThat(result.ignored()).containsExactly("log");
    assertThat(result.failed())
        .extracting(LangfuseBatchMapper.Failed::itemId, LangfuseBatchMapper.Failed::pointer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bad-type", "/batch/1/type"),
            org.assertj.core.groups.Tuple.tuple("no-trace", "/batch/2/body/traceId"),
            org.assertj.core.groups.Tuple.tuple("bad-time", "/batch/3/body/startTime"));
    assertThat(result.failed().get(0).message()).contains("unknown event type");
  }

  @Test
  void rejectsABodyWithoutABatchArray() {
    assertThatThrownBy(() -> map("{'events':[]}"))
        .isInstanceOf(InvalidItem.class)
        .hasMessageContaining("batch");
  }
}
