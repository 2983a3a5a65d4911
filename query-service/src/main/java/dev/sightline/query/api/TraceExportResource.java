package dev.sightline.query.api;

import dev.sightline.query.config.QueryConfig;
import dev.sightline.query.domain.search.ExportFormat;
import dev.sightline.query.domain.search.TraceExport;
import dev.sightline.query.domain.search.TraceExporter;
import dev.sightline.query.domain.search.TraceSearch;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Streams every trace of a search as JSON lines or CSV. */
@Path("/api/v1/traces/export")
@ProjectKeyAuth
@Tag(name = "Traces", description = "Traces with their observations and scores")
@SecurityRequirement(name = "SecurityScheme")
public class TraceExportResource {

  @Inject TraceExporter exporter;
  @Inject ProjectContext project;
  @Inject QueryConfig config;

  @GET
  @Produces({"application/x-ndjson", "text/csv", Problem.MEDIA_TYPE})
  @Operation(
      summary = "Export traces",
      description =
          "The traces of a search (same filters, sort and order as GET /api/v1/traces; no cursor"
              + " and no limit), streamed as JSON lines or RFC 4180 CSV with a header row, at most"
              + " sightline.query.max-export-rows rows (the rest is cut off: narrow from/to).")
  @APIResponse(
      responseCode = "200",
      description = "The rows, as an attachment",
      content = {@Content(mediaType = "application/x-ndjson"), @Content(mediaType = "text/csv")})
  @APIResponse(
      responseCode = "400",
      description = "A parameter is missing or invalid; the detail names it",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "401",
      description = "Missing, unknown, revoked or wrong API key",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  @APIResponse(
      responseCode = "503",
      description = "ClickHouse failed or the query took too long",
      content = @Content(mediaType = Problem.MEDIA_TYPE))
  public Response export(
      @BeanParam RawTraceSearch raw,
      @Parameter(description = "jsonl (default, application/x-ndjson) or csv (text/csv)")
          @QueryParam("format")
          String format) {
    String projectId = project.projectId();
    ExportFormat exportFormat = ExportFormat.parse(format);
    TraceSearch search = TraceSearchParams.parseExport(raw, config.query().maxRange());
    // The query runs before the status is sent, so a refused query is still a clean 503.
    TraceExport export =
        exporter.export(projectId, search, exportFormat, config.query().maxExportRows());
    StreamingOutput body =
        out -> {
          try (export) {
            export.writeTo(out);
          }
        };
    return Response.ok(body, exportFormat.mediaType())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"traces." + exportFormat.extension() + "\"")
        .build();
  }
}
