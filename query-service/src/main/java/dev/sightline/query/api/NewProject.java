package dev.sightline.query.api;

import dev.sightline.query.domain.InvalidRequestException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/admin/projects}. */
@Schema(description = "A project to create")
public record NewProject(
    @Schema(description = "Shown to people; 1–200 characters", required = true) String name,
    @Schema(description = "Days traces are kept (1–3650); default 30") Integer retentionDays) {

  static final int DEFAULT_RETENTION_DAYS = 30;

  /** The name, stripped; fails with a 400 that says what is wrong. */
  String validName() {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty() || n.length() > 200) {
      throw new InvalidRequestException("name must be 1–200 characters.");
    }
    return n;
  }

  /** The retention, defaulted and checked. */
  int validRetentionDays() {
    return retentionDays == null ? DEFAULT_RETENTION_DAYS : checkRetention(retentionDays);
  }

  static int checkRetention(Integer days) {
    if (days == null || days < 1 || days > 3650) {
      throw new InvalidRequestException("retentionDays must be between 1 and 3650.");
    }
    return days;
  }
}
