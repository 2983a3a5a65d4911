package dev.sightline.query.domain;

/** The project or key named in the request does not exist (HTTP 404). */
public class UnknownResourceException extends RuntimeException {

  public UnknownResourceException(String detail) {
    super(detail);
  }
}
