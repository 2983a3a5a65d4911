package dev.sightline.query.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/v1/metrics/traces}, as sent. */
public class RawTraceDistribution {

  @QueryParam("from")
  @Parameter(
      description = "Start of the trace timestamp range, ISO-8601 (required)",
      required = true)
  String from;

  @QueryParam("to")
  @Parameter(description = "End (exclusive), ISO-8601 (required)", required = true)
  String to;

  @QueryParam("name")
  @Parameter(description = "Exact trace (workflow) name")
  String name;

  @QueryParam("environment")
  @Parameter(description = "Exact trace environment")
  String environment;

  @QueryParam("groupBy")
  @Parameter(description = "name: one distribution per trace name; absent: one overall")
  String groupBy;
}
