package dev.sightline.systemtest;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Realistic OTLP/HTTP JSON traces of an LLM app: a request, a retrieval, a generation, a tool. */
final class OtlpTraces {

  /** Spans in every trace. */
  static final int SPANS = 4;

  private static final String[] MODELS = {"gpt-4o-mini", "gpt-4o", "claude-3-5-haiku-20241022"};

  /** One trace's OTLP JSON and the {@code traceId/spanId} identities of its spans. */
  record Trace(String traceId, String json, List<String> identities) {}

  private OtlpTraces() {}

  /** A new trace whose id starts with {@code tag} (8 hex characters). */
  static Trace random(String tag) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String traceId = tag + hex(12);
    List<String> spanIds = new ArrayList<>();
    for (int i = 0; i < SPANS; i++) {
      spanIds.add(hex(8));
    }
    long end = System.currentTimeMillis() * 1_000_000L;
    long start = end - 900_000_000L;
    String model = MODELS[random.nextInt(MODELS.length)];
    String json =
        """
        {"resourceSpans":[{"resource":{"attributes":[
          {"key":"service.name","value":{"stringValue":"support-bot"}},
          {"key":"deployment.environment.name","value":{"stringValue":"fault-test"}}]},
         "scopeSpans":[{"scope":{"name":"sightline-fault-test"},"spans":[
          {"traceId":"%1$s","spanId":"%2$s","name":"answer-question","kind":2,
           "startTimeUnixNano":"%6$d","endTimeUnixNano":"%9$d","attributes":[
            {"key":"langfuse.user.id","value":{"stringValue":"user-%10$d"}},
            {"key":"session.id","value":{"stringValue":"session-%11$d"}},
            {"key":"input.value","value":{"stringValue":"How do I reset my password? (%10$d)"}},
            {"key":"output.value","value":{"stringValue":"Open Settings, then Security."}}]},
          {"traceId":"%1$s","spanId":"%3$s","parentSpanId":"%2$s","name":"retrieve-docs","kind":1,
           "startTimeUnixNano":"%6$d","endTimeUnixNano":"%7$d","attributes":[
            {"key":"openinference.span.kind","value":{"stringValue":"RETRIEVER"}},
            {"key":"input.value","value":{"stringValue":"reset password"}}]},
          {"traceId":"%1$s","spanId":"%4$s","parentSpanId":"%2$s","name":"chat %12$s","kind":3,
           "startTimeUnixNano":"%7$d","endTimeUnixNano":"%8$d","attributes":[
            {"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},
            {"key":"gen_ai.provider.name","value":{"stringValue":"openai"}},
            {"key":"gen_ai.request.model","value":{"stringValue":"%12$s"}},
            {"key":"gen_ai.usage.input_tokens","value":{"intValue":"%13$d"}},
            {"key":"gen_ai.usage.output_tokens","value":{"intValue":"%14$d"}}]},
          {"traceId":"%1$s","spanId":"%5$s","parentSpanId":"%2$s","name":"lookup-account","kind":3,
           "startTimeUnixNano":"%8$d","endTimeUnixNano":"%9$d","attributes":[
            {"key":"openinference.span.kind","value":{"stringValue":"TOOL"}},
            {"key":"tool.name","value":{"stringValue":"lookup-account"}}]}
         ]}]}]}
        """
            .formatted(
                traceId,
                spanIds.get(0),
                spanIds.get(1),
                spanIds.get(2),
                spanIds.get(3),
                start,
                start + 50_000_000L,
                start + 700_000_000L,
                end,
                random.nextInt(1000),
                random.nextInt(100),
                model,
                100 + random.nextInt(2000),
                10 + random.nextInt(500));
    return new Trace(traceId, json, spanIds.stream().map(s -> traceId + "/" + s).toList());
  }

  /** {@code bytes} random bytes as lower-case hex. */
  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
