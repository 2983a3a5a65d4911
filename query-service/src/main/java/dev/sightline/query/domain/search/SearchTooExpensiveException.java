package dev.sightline.query.domain.search;

/** A search ClickHouse stopped at its time or row limit; the caller should narrow it (503). */
public class SearchTooExpensiveException extends RuntimeException {

  public SearchTooExpensiveException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
