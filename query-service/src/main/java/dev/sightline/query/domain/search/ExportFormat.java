package dev.sightline.query.domain.search;

import dev.sightline.query.domain.InvalidRequestException;
import java.util.Locale;

/** The formats a trace export can be written in. */
public enum ExportFormat {
  JSONL("application/x-ndjson", "jsonl"),
  CSV("text/csv; charset=utf-8; header=present", "csv");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The Content-Type of the response. */
  public String mediaType() {
    return mediaType;
  }

  /** The file name extension offered in Content-Disposition. */
  public String extension() {
    return extension;
  }

  /** The format named by the {@code format} parameter (default jsonl); anything else is a 400. */
  public static ExportFormat parse(String value) {
    if (value == null || value.isBlank()) {
      return JSONL;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "jsonl", "ndjson" -> JSONL;
      case "csv" -> CSV;
      default -> throw new InvalidRequestException("format: must be jsonl or csv");
    };
  }
}
