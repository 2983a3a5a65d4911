package dev.sightline.clickhouse;

/** ClickHouse refused a statement or could not be reached; carries the server's own message. */
public class ClickHouseException extends RuntimeException {

  private final int httpStatus;

  public ClickHouseException(String message, int httpStatus, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
  }

  /** HTTP status from ClickHouse, or 0 when it could not be reached at all. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Whether trying again later can succeed (server down or overloaded, not a bad statement). */
  public boolean retryable() {
    return httpStatus == 0 || httpStatus >= 500 && !getMessage().contains("Code: 62,");
  }
}
