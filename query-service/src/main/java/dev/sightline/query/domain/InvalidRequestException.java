package dev.sightline.query.domain;

/** A request the caller must fix (HTTP 400); the message says what and how. */
public class InvalidRequestException extends RuntimeException {

  public InvalidRequestException(String detail) {
    super(detail);
  }
}
