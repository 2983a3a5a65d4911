package dev.sightline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtlpJsonDecoderTest {

  private static ExportTraceServiceRequest decode(String json) {
    return OtlpJsonDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesHexIdsStringTimesEnumNamesAndTypedAttributes() {
    ExportTraceServiceRequest request =
        decode(
            """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"shop"}}]},
              "scopeSpans":[{"scope":{"name":"s"},"spans":[{
                "traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331",
                "name":"chat","kind":"SPAN_KIND_CLIENT",
                "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":1700000001000000000,
                "status":{"code":2,"message":"bad"},
                "futureField":{"ignored":true},
                "attributes":[
                  {"key":"i","value":{"intValue":"7"}},
                  {"key":"d","value":{"doubleValue":0.5}},
                  {"key":"b","value":{"boolValue":true}},
                  {"key":"a","value":{"arrayValue":{"values":[{"stringValue":"x"},{"intValue":1}]}}}]}]}]}]}
            """);

    Span span = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getTraceId()).isEqualTo(OtlpFixtures.hex("0af7651916cd43dd8448eb211c80319c"));
    assertThat(span.getParentSpanId().isEmpty()).isTrue();
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1_700_000_000_000_000_000L);
    assertThat(span.getEndTimeUnixNano()).isEqualTo(1_700_000_001_000_000_000L);
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(span.getAttributes(0).getValue().getIntValue()).isEqualTo(7L);
    assertThat(span.getAttributes(1).getValue().getDoubleValue()).isEqualTo(0.5);
    assertThat(span.getAttributes(2).getValue().getBoolValue()).isTrue();
    AnyValue array = span.getAttributes(3).getValue();
    assertThat(AnyValues.text(array)).isEqualTo("[\"x\",1]");
    assertThat(request.getResourceSpans(0).getResource().getAttributes(0).getKey())
        .isEqualTo("service.name");
  }

  @Test
  void namesThePathOfANonHexSpanId() {
    assertThatThrownBy(
            () ->
                decode(
                    "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{}, {\"spanId\":\"zz\"}]}]}]}"))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageStartingWith("resourceSpans[0].scopeSpans[0].spans[1].spanId: expected a hex");
  }

  @Test
  void reportsLineAndColumnOfSyntacticallyBrokenJson() {
    assertThatThrownBy(() -> decode("{\"resourceSpans\": [\n  {,]}"))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("invalid JSON at line 2 column");
  }

  @Test
  void rejectsAWrongTypeForAnIntegerAttribute() {
    assertThatThrownBy(
            () ->
                decode(
                    """
                    {"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[
                      {"key":"n","value":{"intValue":"seven"}}]}]}]}]}
                    """))
        .hasMessageContaining("spans[0].attributes[0].value.intValue: expected a 64-bit integer");
  }
}
