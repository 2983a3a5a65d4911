package dev.sightline.ingest.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.domain.OtlpJsonDecoder;
import dev.sightline.ingest.domain.OtlpSpanMapper;
import dev.sightline.ingest.domain.guard.Admission;
import dev.sightline.ingest.domain.guard.BatchTooLarge;
import dev.sightline.ingest.domain.guard.EventGuard;
import dev.sightline.ingest.domain.guard.EventLocator;
import dev.sightline.ingest.domain.guard.GuardLimits;
import dev.sightline.ingest.domain.langfuse.InvalidItem;
import dev.sightline.ingest.domain.langfuse.LangfuseBatchMapper;
import dev.sightline.ingest.domain.masking.BuiltInRules;
import dev.sightline.ingest.domain.masking.EventMasker;
import dev.sightline.ingest.domain.masking.Masker;
import dev.sightline.ingest.domain.masking.ProjectMaskingRules;
import dev.sightline.ingest.domain.ratelimit.ProjectRateLimiter;
import dev.sightline.schemas.avro.IngestEvent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes both JSON transports from raw bytes through mapping and admission: the only exceptions
 * allowed are the documented 4xx ones. Runs the seed corpus in {@code ParserFuzzTestInputs} in
 * every build; {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration} (see the README).
 */
class ParserFuzzTest {

  private static final long NOW = 1_800_000_000_000_000L;
  private final EventGuard guard =
      new EventGuard(
          GuardLimits.defaults(),
          new ProjectRateLimiter(0, 0),
          new EventMasker(new Masker(BuiltInRules.ALL), new ProjectMaskingRules()),
          () -> NOW);

  // A hang is a finding too: Jazzer turns the JUnit timeout into libFuzzer's per-input -timeout.
  @Timeout(10)
  @FuzzTest(maxDuration = "5m")
  void otlpJsonIsDecodedOrRejectedWithA400(byte[] body) {
    ExportTraceServiceRequest request;
    try {
      request = OtlpJsonDecoder.decode(body);
    } catch (MalformedRequestException expected) {
      return;
    }
    admit(new OtlpSpanMapper().mapEach(request, "p", NOW).events(), EventLocator.otlpSpans());
  }

  // A hang is a finding too: Jazzer turns the JUnit timeout into libFuzzer's per-input -timeout.
  @Timeout(10)
  @FuzzTest(maxDuration = "5m")
  void langfuseBatchesAreMappedOrRejectedWithA400(byte[] body) {
    LangfuseBatchMapper.Result result;
    try {
      // The same strict parser the batch resource should use (see README, Limits and bad input).
      result = new LangfuseBatchMapper().map(OtlpJsonDecoder.parse(body), "p", NOW);
    } catch (MalformedRequestException | InvalidItem expected) {
      return;
    }
    admit(
        result.events().stream().map(LangfuseBatchMapper.Mapped::event).toList(),
        EventLocator.batch(i -> i));
  }

  private void admit(List<IngestEvent> events, EventLocator locator) {
    try {
      Admission a = guard.admit("p", events, locator);
      if (a.accepted().size() + a.rejected().size() != events.size()) {
        throw new AssertionError("events lost: " + events.size() + " in, " + a + " out");
      }
    } catch (BatchTooLarge expected) {
      // 413: documented.
    }
  }
}
