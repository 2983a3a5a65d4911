package dev.sightline.query.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /api/v1/observations}, as sent; checked by a parser. */
public class RawObservationSearch {

  @QueryParam("from")
  @Parameter(description = "Start of the observation start-time range, ISO-8601", required = true)
  String from;

  @QueryParam("to")
  @Parameter(
      description = "End (exclusive), ISO-8601; at most sightline.query.max-range after from",
      required = true)
  String to;

  @QueryParam("traceId")
  @Parameter(description = "Exact trace id")
  String traceId;

  @QueryParam("name")
  @Parameter(description = "Exact observation name")
  String name;

  @QueryParam("type")
  @Parameter(description = "Exact type, e.g. GENERATION, SPAN, EVENT")
  String type;

  @QueryParam("model")
  @Parameter(description = "Exact model")
  String model;

  @QueryParam("promptName")
  @Parameter(description = "Exact prompt name")
  String promptName;

  @QueryParam("promptVersion")
  @Parameter(description = "With promptName: that prompt's version (an integer)")
  String promptVersion;

  @QueryParam("level")
  @Parameter(description = "The observation's level: DEBUG, DEFAULT, WARNING or ERROR")
  String level;

  @QueryParam("hasError")
  @Parameter(description = "true: level is ERROR; false: it is not")
  String hasError;

  @QueryParam("environment")
  @Parameter(description = "Exact environment")
  String environment;

  @QueryParam("userId")
  @Parameter(description = "The observation's trace has this user id")
  String userId;

  @QueryParam("sessionId")
  @Parameter(description = "The observation's trace has this session id")
  String sessionId;

  @QueryParam("minCost")
  @Parameter(description = "Least cost in USD")
  String minCost;

  @QueryParam("maxCost")
  @Parameter(description = "Greatest cost in USD")
  String maxCost;

  @QueryParam("minLatencyMs")
  @Parameter(description = "Least latency in ms (end - start; unfinished ones never match)")
  String minLatencyMs;

  @QueryParam("maxLatencyMs")
  @Parameter(description = "Greatest latency in ms")
  String maxLatencyMs;

  @QueryParam("q")
  @Parameter(description = "Case-insensitive substring of the observation's input or output")
  String q;

  @QueryParam("sort")
  @Parameter(description = "timestamp (start time, default), cost or latency")
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
