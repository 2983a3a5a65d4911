package dev.sightline.query.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PATCH /api/admin/projects/{id}}. */
@Schema(description = "Project settings to change")
public record ProjectPatch(
    @Schema(description = "Days traces are kept (1–3650)", required = true)
        Integer retentionDays) {}
