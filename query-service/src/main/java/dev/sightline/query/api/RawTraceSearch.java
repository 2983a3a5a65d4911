package dev.sightline.query.api;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/v1/traces}, as sent; checked by TraceSearchParams. */
public class RawTraceSearch {

  @QueryParam("from")
  @Parameter(
      description = "Start of the trace timestamp range, ISO-8601 (required)",
      required = true)
  String from;

  @QueryParam("to")
  @Parameter(
      description =
          "End (exclusive) of the range, ISO-8601 (required); at most sightline.query.max-range after from",
      required = true)
  String to;

  @QueryParam("name")
  @Parameter(description = "Exact trace name")
  String name;

  @QueryParam("userId")
  @Parameter(description = "Exact user id")
  String userId;

  @QueryParam("sessionId")
  @Parameter(description = "Exact session id")
  String sessionId;

  @QueryParam("tag")
  @Parameter(description = "A tag the trace must carry; repeat for several (all must match)")
  List<String> tag;

  @QueryParam("environment")
  @Parameter(description = "Exact environment")
  String environment;

  @QueryParam("release")
  @Parameter(description = "Exact release")
  String release;

  @QueryParam("model")
  @Parameter(description = "The trace has an observation with this model")
  String model;

  @QueryParam("promptName")
  @Parameter(description = "The trace has an observation that used this prompt")
  String promptName;

  @QueryParam("promptVersion")
  @Parameter(description = "With promptName: that prompt's version (an integer)")
  String promptVersion;

  @QueryParam("scoreName")
  @Parameter(description = "The trace has a score of this name (in minScore..maxScore if given)")
  String scoreName;

  @QueryParam("minScore")
  @Parameter(description = "With scoreName: least score value (inclusive; may be negative)")
  String minScore;

  @QueryParam("maxScore")
  @Parameter(description = "With scoreName: greatest score value (inclusive)")
  String maxScore;

  @QueryParam("level")
  @Parameter(description = "Most severe observation level: DEBUG, DEFAULT, WARNING or ERROR")
  String level;

  @QueryParam("hasError")
  @Parameter(description = "true: some observation has level ERROR; false: none has")
  String hasError;

  @QueryParam("minCost")
  @Parameter(description = "Least total cost in USD (sum of the observations' cost)")
  String minCost;

  @QueryParam("maxCost")
  @Parameter(description = "Greatest total cost in USD")
  String maxCost;

  @QueryParam("minLatencyMs")
  @Parameter(description = "Least latency in ms (last observation end - first start)")
  String minLatencyMs;

  @QueryParam("maxLatencyMs")
  @Parameter(description = "Greatest latency in ms")
  String maxLatencyMs;

  @QueryParam("q")
  @Parameter(
      description = "Case-insensitive substring of the trace's or an observation's input or output")
  String q;

  @QueryParam("sort")
  @Parameter(description = "timestamp (default), cost or latency")
  String sort;

  @QueryParam("order")
  @Parameter(description = "desc (default) or asc")
  String order;

  @QueryParam("limit")
  @Parameter(description = "Rows per page, 1-200, default 50")
  String limit;

  @QueryParam("cursor")
  @Parameter(description = "nextCursor of the previous page (same filters, sort and order)")
  String cursor;
}
