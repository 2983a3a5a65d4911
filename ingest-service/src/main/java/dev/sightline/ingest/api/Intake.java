package dev.sightline.ingest.api;

import dev.sightline.ingest.config.IngestConfig;
import dev.sightline.ingest.domain.AuthenticationFailure;
import dev.sightline.ingest.domain.Authenticator;
import dev.sightline.ingest.domain.MalformedRequestException;
import dev.sightline.ingest.domain.OtlpSpanMapper;
import dev.sightline.ingest.domain.ProjectKey;
import dev.sightline.ingest.domain.guard.Admission;
import dev.sightline.ingest.domain.guard.EventAdmission;
import dev.sightline.ingest.domain.guard.EventLocator;
import dev.sightline.ingest.domain.guard.Rejection;
import dev.sightline.ingest.messaging.ApiKeyFeed;
import dev.sightline.ingest.messaging.EventPublisher;
import dev.sightline.schemas.avro.IngestEvent;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The steps every transport shares: authenticate, admit through {@link EventAdmission}, publish the
 * admitted events and wait for Kafka's acks.
 */
@ApplicationScoped
public class Intake {

  @Inject IngestConfig config;
  @Inject Authenticator authenticator;
  @Inject ApiKeyFeed keyFeed;
  @Inject EventAdmission admission;
  @Inject EventPublisher publisher;
  @Inject OtlpSpanMapper mapper;

  /**
   * The key the header proves.
   *
   * @throws AuthenticationFailure for bad credentials
   * @throws KeysLoading when the key may simply not be loaded yet
   */
  public ProjectKey authenticate(String authorization) {
    try {
      return authenticator.authenticate(authorization);
    } catch (AuthenticationFailure e) {
      // Before the key topic is read, "unknown key" may be wrong: ask the client to retry instead.
      if (!e.forbidden() && !keyFeed.caughtUp()) {
        throw new KeysLoading(config.ingest().retryAfterSeconds());
      }
      throw e;
    }
  }

  /**
   * Admits the events and publishes the accepted ones; returns once Kafka acknowledged them all.
   *
   * @throws dev.sightline.ingest.domain.guard.RateLimitExceeded nothing was published
   * @throws dev.sightline.ingest.messaging.PublishFailure Kafka did not acknowledge in time
   */
  public Admission submit(String projectId, List<IngestEvent> events) {
    return submit(projectId, events, null);
  }

  /** As {@link #submit(String, List)}, with rejection pointers in the transport's terms. */
  public Admission submit(String projectId, List<IngestEvent> events, EventLocator locator) {
    if (events.isEmpty()) {
      return Admission.all(events);
    }
    Admission admitted =
        locator == null
            ? admission.admit(projectId, events)
            : admission.admit(projectId, events, locator);
    publisher.publishAll(admitted.accepted());
    return admitted;
  }

  /**
   * Maps, admits and publishes one OTLP export request (HTTP and gRPC alike).
   *
   * @throws MalformedRequestException when no span of a non-empty request could be mapped
   */
  public OtlpPartialSuccess exportOtlp(String projectId, ExportTraceServiceRequest request) {
    OtlpSpanMapper.Result mapped = mapper.mapEach(request, projectId, nowMicros());
    if (mapped.events().isEmpty() && !mapped.invalidSpans().isEmpty()) {
      // Nothing usable: a plain error tells the client more than "all spans rejected".
      Rejection first = mapped.invalidSpans().get(0);
      throw new MalformedRequestException(first.pointer(), first.message());
    }
    Admission admitted = submit(projectId, mapped.events());
    return OtlpPartialSuccess.of(mapped.events(), mapped.invalidSpans(), admitted.rejected());
  }

  /** Now in epoch microseconds, the envelopes' {@code receivedAtMicros}. */
  public static long nowMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }
}
