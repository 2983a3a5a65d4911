package dev.sightline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** One test per class of malformed OTLP/JSON: each is a 400 whose message says what and where. */
class OtlpJsonBadInputTest {

  private static final String SPAN_PREFIX =
      "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
          + "\"spanId\":\"b7ad6b7169203331\",";
  private static final String SPAN_SUFFIX = "}]}]}]}";

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(byte[] body) {
    return assertThatThrownBy(() -> OtlpJsonDecoder.decode(body))
        .isInstanceOf(MalformedRequestException.class);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String body) {
    return rejects(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A span with extra fields, e.g. {@code "name":"x"}. */
  private static AbstractThrowableAssert<?, ? extends Throwable> rejectsSpan(String fields) {
    return rejects(SPAN_PREFIX + fields + SPAN_SUFFIX);
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> rejectsAttribute(String value) {
    return rejectsSpan("\"attributes\":[{\"key\":\"k\",\"value\":" + value + "}]");
  }

  @Test
  void rejectsSyntaxErrorsWithLineAndColumn() {
    rejects("{\"resourceSpans\":\n  [}").hasMessageStartingWith("invalid JSON at line 2 column 4");
  }

  @Test
  void rejectsAnEmptyBody() {
    rejects("").hasMessageContaining("empty body");
  }

  @Test
  void rejectsATopLevelArray() {
    rejects("[]").hasMessage("$: expected a JSON object with \"resourceSpans\"");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
    rejects(body).hasMessageContaining("body is not valid UTF-8");
  }

  @Test
  void rejectsAnUnpairedSurrogateEscape() {
    rejectsSpan("\"name\":\"\\ud800x\"").hasMessageContaining("unpaired surrogate U+D800");
  }

  @Test
  void rejectsANaNToken() {
    rejectsAttribute("{\"doubleValue\":NaN}")
        .hasMessageContaining("NaN and Infinity are not valid");
  }

  @Test
  void rejectsAnInfinityToken() {
    rejectsAttribute("{\"doubleValue\":-Infinity}").hasMessageContaining("NaN and Infinity");
  }

  @Test
  void rejectsANumberThatOverflowsADouble() {
    rejectsAttribute("{\"doubleValue\":1e999}")
        .hasMessageContaining("attributes[0].value.doubleValue: number out of double range");
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    String deep = "{\"arrayValue\":{\"values\":[".repeat(40) + "]}}".repeat(40);
    rejectsAttribute(deep).hasMessageContaining("nested deeper than 64 levels");
  }

  @Test
  void rejectsADuplicateKey() {
    rejectsSpan("\"name\":\"a\",\"name\":\"b\"").hasMessageContaining("Duplicate field 'name'");
  }

  @Test
  void rejectsTrailingContentAfterTheDocument() {
    rejects("{\"resourceSpans\":[]} {}").hasMessageContaining("Trailing token");
  }

  @Test
  void rejectsResourceSpansThatIsNotAnArray() {
    rejects("{\"resourceSpans\":{}}").hasMessage("resourceSpans: expected an array");
  }

  @Test
  void rejectsASpanThatIsNotAnObject() {
    rejects("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[42]}]}]}")
        .hasMessage("resourceSpans[0].scopeSpans[0].spans[0]: expected an object");
  }

  @Test
  void rejectsANonHexTraceId() {
    rejects("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz\"}]}]}]}")
        .hasMessageContaining("spans[0].traceId: expected a hex string, got \"zz\"");
  }

  @Test
  void rejectsANameThatIsNotAString() {
    rejectsSpan("\"name\":{}").hasMessageContaining("spans[0].name: expected a string");
  }

  @Test
  void rejectsANegativeTimestamp() {
    rejectsSpan("\"startTimeUnixNano\":-5")
        .hasMessageContaining("startTimeUnixNano: expected an unsigned integer");
  }

  @Test
  void rejectsATimestampThatIsNotANumber() {
    rejectsSpan("\"endTimeUnixNano\":\"yesterday\"").hasMessageContaining("endTimeUnixNano");
  }

  @Test
  void rejectsAnUnknownSpanKindName() {
    rejectsSpan("\"kind\":\"SPAN_KIND_TELEPATHY\"").hasMessageContaining("kind: unknown value");
  }

  @Test
  void rejectsASpanKindNumberOutOfRange() {
    rejectsSpan("\"kind\":99").hasMessageContaining("kind: unknown value 99; expected 0..5");
  }

  @Test
  void rejectsAStatusCodeOutOfRange() {
    rejectsSpan("\"status\":{\"code\":-1}").hasMessageContaining("status.code: unknown value -1");
  }

  @Test
  void rejectsAnUnknownAttributeValueType() {
    rejectsAttribute("{\"decimalValue\":1}")
        .hasMessageContaining("unknown value type \"decimalValue\"");
  }

  @Test
  void rejectsABoolValueThatIsNotABoolean() {
    rejectsAttribute("{\"boolValue\":\"yes\"}")
        .hasMessageContaining("boolValue: expected true or false");
  }

  @Test
  void rejectsAnIntValueBeyond64Bits() {
    rejectsAttribute("{\"intValue\":\"99999999999999999999\"}")
        .hasMessageContaining("expected a 64-bit integer");
  }

  @Test
  void rejectsBytesThatAreNotBase64() {
    rejectsAttribute("{\"bytesValue\":\"***\"}")
        .hasMessageContaining("bytesValue: expected base64");
  }

  @Test
  void rejectsAnAttributeWithoutAKey() {
    rejectsSpan("\"attributes\":[{\"value\":{\"stringValue\":\"x\"}}]")
        .hasMessageContaining("missing attribute key");
  }

  @Test
  void rejectsAScopeThatIsNotAnObject() {
    rejects("{\"resourceSpans\":[{\"scopeSpans\":[{\"scope\":\"s\"}]}]}")
        .hasMessageContaining("scopeSpans[0].scope: expected an object");
  }
}
