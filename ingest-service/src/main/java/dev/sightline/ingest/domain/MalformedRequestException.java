package dev.sightline.ingest.domain;

/** A request body that cannot be accepted; the message says what is wrong and where. */
public class MalformedRequestException extends RuntimeException {

  /** Creates the exception; {@code where} is a path such as {@code resourceSpans[0].spans[2]}. */
  public MalformedRequestException(String where, String what) {
    super(where.isEmpty() ? what : where + ": " + what);
  }

  /** Creates the exception with the parser error that caused it. */
  public MalformedRequestException(String message, Throwable cause) {
    super(message, cause);
  }
}
