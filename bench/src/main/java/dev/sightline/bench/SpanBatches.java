package dev.sightline.bench;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates OTLP requests of realistic GenAI agent traces (agent, retrieval, LLM, tool spans). */
public final class SpanBatches {

  private static final String[] MODELS = {
    "gpt-4o-mini",
    "gpt-4o-2024-08-06",
    "claude-3-5-sonnet-20241022",
    "gemini-1.5-flash",
    "llama-3.1-70b"
  };
  private static final String[] PROVIDERS = {"openai", "openai", "anthropic", "gcp.gemini", "groq"};
  private static final String[] PROMPTS = {
    "support-answer", "order-lookup", "refund-policy", "triage"
  };
  private static final String[] WORDS =
      ("the order was shipped on monday and should arrive within three business days please check"
              + " tracking number refund policy allows returns within thirty days of delivery customer"
              + " asked about invoice billing address account settings password reset warranty coverage"
              + " replacement part delayed because of weather carrier confirmed")
          .split(" ");
  private static final int SPANS_PER_TRACE = 5;

  private final SplittableRandom random;
  private final long baseNanos = System.currentTimeMillis() * 1_000_000L;
  private final int minTraceSpans;
  private final int maxTraceSpans;

  /** Traces of exactly 5 spans; the last trace of a request is cut to fit (IngestBench's load). */
  SpanBatches(long seed) {
    this(seed, SPANS_PER_TRACE, SPANS_PER_TRACE);
  }

  /**
   * Traces of {@code minTraceSpans}..{@code maxTraceSpans} spans (uniform). With a range, requests
   * hold whole traces only, so a request may exceed its nominal size by up to one trace.
   */
  public SpanBatches(long seed, int minTraceSpans, int maxTraceSpans) {
    if (minTraceSpans < 1 || maxTraceSpans < minTraceSpans) {
      throw new IllegalArgumentException(
          "trace size range " + minTraceSpans + ".." + maxTraceSpans + " is empty");
    }
    this.random = new SplittableRandom(seed);
    this.minTraceSpans = minTraceSpans;
    this.maxTraceSpans = maxTraceSpans;
  }

  /** {@code count} distinct requests of about {@code spansPerBatch} spans each. */
  public List<SpanBatch> generate(int count, int spansPerBatch) {
    List<SpanBatch> batches = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      batches.add(batch(b, spansPerBatch));
    }
    return batches;
  }

  private SpanBatch batch(int index, int spansPerBatch) {
    ScopeSpans.Builder scope =
        ScopeSpans.newBuilder()
            .setScope(
                InstrumentationScope.newBuilder()
                    .setName("opentelemetry.instrumentation.openai_v2")
                    .setVersion("2.1b0"));
    List<Span> spans = new ArrayList<>(spansPerBatch);
    while (spans.size() < spansPerBatch) {
      // A fixed size draws no random number, so IngestBench's payload stays byte-identical.
      addTrace(
          spans,
          minTraceSpans == maxTraceSpans
              ? Math.min(minTraceSpans, spansPerBatch - spans.size())
              : minTraceSpans + random.nextInt(maxTraceSpans - minTraceSpans + 1));
    }
    scope.addAllSpans(spans);
    Resource resource =
        Resource.newBuilder()
            .addAttributes(kv("service.name", "support-bot"))
            .addAttributes(kv("service.version", "1.14." + (index % 7)))
            .addAttributes(
                kv("deployment.environment.name", index % 5 == 0 ? "staging" : "production"))
            .addAttributes(kv("telemetry.sdk.language", "python"))
            .addAttributes(kv("telemetry.sdk.name", "opentelemetry"))
            .addAttributes(kv("telemetry.sdk.version", "1.38.0"))
            .addAttributes(kv("host.name", "worker-" + (index % 12)))
            .build();
    byte[] body =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(ResourceSpans.newBuilder().setResource(resource).addScopeSpans(scope))
            .build()
            .toByteArray();
    return locateIds(body, spans);
  }

  private void addTrace(List<Span> out, int size) {
    byte[] traceId = bytes(16);
    long start = baseNanos - random.nextLong(600_000_000_000L);
    int model = random.nextInt(MODELS.length);
    String prompt = PROMPTS[random.nextInt(PROMPTS.length)];
    String question = text(12, 30);
    byte[] rootId = bytes(8);
    long end = start + 800_000_000L + random.nextLong(4_000_000_000L);
    out.add(
        span(traceId, rootId, null, "support-agent", start, end)
            .addAttributes(kv("openinference.span.kind", "AGENT"))
            .addAttributes(kv("langfuse.trace.name", "support-agent"))
            .addAttributes(kv("user.id", "user-" + random.nextInt(50_000)))
            .addAttributes(kv("session.id", "sess-" + Long.toHexString(random.nextLong())))
            .addAttributes(kv("input.value", question))
            .addAttributes(kv("output.value", text(30, 60)))
            .build());
    for (int i = 1; i < size; i++) {
      long s = start + i * 150_000_000L;
      long e = s + 50_000_000L + random.nextLong(700_000_000L);
      Span.Builder child =
          switch (i % 4) {
            case 1 -> retrieval(traceId, rootId, s, e, question);
            case 3 -> tool(traceId, rootId, s, e);
            default -> llm(traceId, rootId, s, e, model, prompt, question);
          };
      out.add(child.build());
    }
  }

  private Span.Builder llm(
      byte[] traceId, byte[] parent, long s, long e, int model, String prompt, String question) {
    int in = 200 + random.nextInt(3000);
    int outTokens = 20 + random.nextInt(400);
    return span(traceId, bytes(8), parent, "chat " + MODELS[model], s, e)
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .addAttributes(kv("gen_ai.operation.name", "chat"))
        .addAttributes(kv("gen_ai.system", PROVIDERS[model]))
        .addAttributes(kv("gen_ai.request.model", MODELS[model]))
        .addAttributes(kv("gen_ai.response.model", MODELS[model]))
        .addAttributes(dkv("gen_ai.request.temperature", 0.2))
        .addAttributes(dkv("gen_ai.request.top_p", 0.95))
        .addAttributes(ikv("gen_ai.request.max_tokens", 1024))
        .addAttributes(ikv("gen_ai.usage.input_tokens", in))
        .addAttributes(ikv("gen_ai.usage.output_tokens", outTokens))
        .addAttributes(kv("gen_ai.response.id", "chatcmpl-" + Long.toHexString(random.nextLong())))
        .addAttributes(kv("gen_ai.response.finish_reasons", "stop"))
        .addAttributes(kv("gen_ai.prompt.name", prompt))
        .addAttributes(ikv("gen_ai.prompt.version", 1 + random.nextInt(9)))
        .addAttributes(kv("gen_ai.prompt", "You are a helpful support agent. " + question))
        .addAttributes(kv("gen_ai.completion", text(40, 80)));
  }

  private Span.Builder retrieval(byte[] traceId, byte[] parent, long s, long e, String question) {
    return span(traceId, bytes(8), parent, "retrieve knowledge-base", s, e)
        .addAttributes(kv("openinference.span.kind", "RETRIEVER"))
        .addAttributes(kv("input.value", question))
        .addAttributes(kv("retrieval.documents.0.document.id", "kb-" + random.nextInt(9000)))
        .addAttributes(kv("retrieval.documents.0.document.content", text(45, 75)))
        .addAttributes(dkv("retrieval.documents.0.document.score", random.nextDouble()))
        .addAttributes(kv("retrieval.documents.1.document.id", "kb-" + random.nextInt(9000)))
        .addAttributes(kv("retrieval.documents.1.document.content", text(20, 40)));
  }

  private Span.Builder tool(byte[] traceId, byte[] parent, long s, long e) {
    Span.Builder b =
        span(traceId, bytes(8), parent, "tool get_order_status", s, e)
            .addAttributes(kv("openinference.span.kind", "TOOL"))
            .addAttributes(kv("tool.name", "get_order_status"))
            .addAttributes(
                kv("input.value", "{\"order_id\":\"A" + random.nextInt(1_000_000) + "\"}"))
            .addAttributes(kv("output.value", text(45, 80)));
    if (random.nextInt(20) == 0) {
      b.setStatus(
          Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("timeout"));
    }
    return b;
  }

  private Span.Builder span(
      byte[] traceId, byte[] spanId, byte[] parent, String name, long s, long e) {
    Span.Builder b =
        Span.newBuilder()
            .setTraceId(ByteString.copyFrom(traceId))
            .setSpanId(ByteString.copyFrom(spanId))
            .setName(name)
            .setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
            .setStartTimeUnixNano(s)
            .setEndTimeUnixNano(e);
    if (parent != null) {
      b.setParentSpanId(ByteString.copyFrom(parent));
    }
    return b;
  }

  // Protobuf writes Span fields in number order: 0x0A 0x10 traceId, 0x12 0x08 spanId, 0x22 0x08
  // parent.
  private static SpanBatch locateIds(byte[] body, List<Span> spans) {
    int[] traceOffsets = new int[spans.size()];
    List<Integer> spanOffsets = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      byte[] head = new byte[28];
      head[0] = 0x0A;
      head[1] = 0x10;
      span.getTraceId().copyTo(head, 2);
      head[18] = 0x12;
      head[19] = 0x08;
      span.getSpanId().copyTo(head, 20);
      int at = indexOf(body, head, from);
      if (at < 0) {
        throw new IllegalStateException("span " + i + " ids not found in the serialized request");
      }
      traceOffsets[i] = at + 2;
      spanOffsets.add(at + 20);
      if (!span.getParentSpanId().isEmpty()) {
        if (body[at + 28] != 0x22 || body[at + 29] != 0x08) {
          throw new IllegalStateException("unexpected layout after span id of span " + i);
        }
        spanOffsets.add(at + 30);
      }
      from = at + 28;
    }
    return new SpanBatch(
        body,
        spans.size(),
        traceOffsets,
        spanOffsets.stream().mapToInt(Integer::intValue).toArray());
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private String text(int minWords, int maxWords) {
    int n = minWords + random.nextInt(maxWords - minWords + 1);
    StringBuilder sb = new StringBuilder(n * 7);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static KeyValue ikv(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  private static KeyValue dkv(String key, double value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setDoubleValue(value))
        .build();
  }
}
