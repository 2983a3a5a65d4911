package dev.sightline.query.api;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/v1/metrics}, as sent; checked by MetricsParams. */
public class RawMetrics {

  @QueryParam("from")
  @Parameter(description = "Start of the range, ISO-8601 (required)", required = true)
  String from;

  @QueryParam("to")
  @Parameter(
      description =
          "End (exclusive), ISO-8601 (required); at most sightline.query.max-range after from",
      required = true)
  String to;

  @QueryParam("groupBy")
  @Parameter(
      description =
          "Comma-separated (or repeated): step, model, prompt, environment, release, user."
              + " release and user are computed from raw observations joined to traces")
  List<String> groupBy;

  @QueryParam("interval")
  @Parameter(
      description =
          "Time series bucket width, a multiple of 1m: e.g. 1m, 5m, 15m, 1h, 1d; absent: totals")
  String interval;

  @QueryParam("environment")
  @Parameter(description = "Exact environment of the observation")
  String environment;

  @QueryParam("name")
  @Parameter(description = "Exact observation (step) name")
  String name;

  @QueryParam("model")
  @Parameter(description = "Exact model")
  String model;

  @QueryParam("promptName")
  @Parameter(description = "Exact prompt name")
  String promptName;

  @QueryParam("promptVersion")
  @Parameter(description = "Prompt version (integer; 0 = observations without a version)")
  String promptVersion;
}
