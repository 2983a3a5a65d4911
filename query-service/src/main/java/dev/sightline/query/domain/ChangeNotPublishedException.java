package dev.sightline.query.domain;

/** Kafka did not acknowledge a change in time, so it was rolled back (HTTP 503). */
public class ChangeNotPublishedException extends RuntimeException {

  public ChangeNotPublishedException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
