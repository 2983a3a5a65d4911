package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.metrics.MetricsReport;
import dev.sightline.query.domain.metrics.MetricsStore;
import dev.sightline.query.domain.metrics.TraceDistributionQuery;
import dev.sightline.query.domain.metrics.TraceDistributionReport;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Metrics of the caller's project: per observation group, and per trace. */
@Path("/api/v1/metrics")
@ProjectKeyAuth
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Metrics", description = "Counts, errors, tokens, cost and latency quantiles")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(
    responseCode = "400",
    description = "A parameter is missing or invalid, or too many groups; the detail names it",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "401",
    description = "Missing, unknown, revoked or wrong API key",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(
    responseCode = "503",
    description = "ClickHouse failed or the query took too long",
    content = @Content(mediaType = Problem.MEDIA_TYPE))
public class MetricsResource {

  @Inject MetricsStore metrics;
  @Inject ProjectContext project;
  @Inject QueryConfig config;

  @GET
  @Operation(
      summary = "Observation metrics",
      description =
          "count, errors, errorRate, input/output tokens, cost and latency p50/p95/p99 of the"
              + " observations in [from, to), as totals or (with interval) a time series per group."
              + " Grouped by step, model, prompt, environment: read from the 1-minute aggregates,"
              + " latency from merged DDSketches (1% relative accuracy). Grouped by release or"
              + " user: computed from raw observations joined to traces, exact quantiles."
              + " More than sightline.query.max-groups groups answers 400.")
  @APIResponse(
      responseCode = "200",
      description = "The metrics per group",
      content = @Content(schema = @Schema(implementation = MetricsReport.class)))
  public MetricsReport observations(@BeanParam RawMetrics raw) {
    String projectId = project.projectId();
    return metrics.observations(
        projectId,
        MetricsParams.parse(raw, config.query().maxRange(), config.query().maxPoints()),
        raw.interval == null ? null : raw.interval.strip());
  }

  @GET
  @Path("/traces")
  @Operation(
      summary = "Cost and latency per trace",
      description =
          "For traces whose timestamp is in [from, to) and that have observations: how many, the"
              + " cost per trace (sum of its observations' cost) p50/p95/p99/mean/total and the"
              + " latency per trace (last observation end - first start) p50/p95/p99, exact,"
              + " computed in ClickHouse; optionally one distribution per trace name.")
  @APIResponse(
      responseCode = "200",
      description = "The distributions",
      content = @Content(schema = @Schema(implementation = TraceDistributionReport.class)))
  public TraceDistributionReport traces(@BeanParam RawTraceDistribution raw) {
    String projectId = project.projectId();
    Instant[] range = SearchParams.range(raw.from, raw.to, config.query().maxRange());
    boolean byName = raw.groupBy != null && !raw.groupBy.isBlank();
    if (byName && !raw.groupBy.strip().equals("name")) {
      throw new InvalidRequestException("groupBy: only name is supported here");
    }
    return metrics.traces(
        projectId,
        new TraceDistributionQuery(
            range[0],
            range[1],
            SearchParams.text("name", raw.name),
            SearchParams.text("environment", raw.environment),
            byName));
  }
}
