package dev.sightline.query.api;

import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.Scope;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/admin/projects/{id}/keys}; may be empty. */
@Schema(description = "A key to create")
public record NewKey(
    @Schema(
            description = "ALL (default), INGEST or READ",
            enumeration = {"ALL", "INGEST", "READ"})
        String scope,
    @Schema(description = "Free text shown in key listings, up to 500 characters") String note) {

  /** The scope, ALL when absent; fails with a 400 naming the allowed values. */
  Scope validScope() {
    if (scope == null || scope.isBlank()) {
      return Scope.ALL;
    }
    try {
      return Scope.valueOf(scope.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("scope must be ALL, INGEST or READ, not " + scope + ".");
    }
  }

  /** The note, or null; fails with a 400 when too long. */
  String validNote() {
    if (note != null && note.length() > 500) {
      throw new InvalidRequestException("note must be at most 500 characters.");
    }
    return note == null || note.isBlank() ? null : note;
  }
}
