package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SpanBatchesTest {

  @Test
  void tracesHaveBetweenFiveAndTwentySpansAndAreNeverCut() throws Exception {
    for (SpanBatch batch : new SpanBatches(7, 5, 20).generate(20, 100)) {
      Map<String, Long> sizes =
          spans(batch.body()).stream()
              .collect(
                  Collectors.groupingBy(
                      s -> hex(s.getTraceId().toByteArray()), Collectors.counting()));

      assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isBetween(5L, 20L));
      assertThat(batch.spans()).isBetween(100, 119);
    }
  }

  @Test
  void fixedSizeTracesStillFillTheRequestExactly() {
    assertThat(new SpanBatches(42).generate(3, 100))
        .allSatisfy(b -> assertThat(b.spans()).isEqualTo(100));
  }

  @Test
  void aTracePrefixMarksEveryTraceIdAndSurvivesTheFreshIds() throws Exception {
    SpanBatch batch =
        new SpanBatches(7, 5, 20).generate(1, 100).get(0).withTracePrefix(new byte[] {1, 2, 3, 4});
    byte[] sent = new byte[batch.body().length];
    batch.copyWithFreshIds(sent, 0x1234_5678_9abc_def0L);

    List<Span> spans = spans(sent);
    assertThat(spans)
        .allSatisfy(s -> assertThat(hex(s.getTraceId().toByteArray())).startsWith("01020304"));
    assertThat(batch.firstTraceIdHex(sent)).isEqualTo(hex(spans.get(0).getTraceId().toByteArray()));
  }

  private static List<Span> spans(byte[] body) throws Exception {
    return ExportTraceServiceRequest.parseFrom(body)
        .getResourceSpans(0)
        .getScopeSpans(0)
        .getSpansList();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
