package dev.sightline.ingest.domain;

/** Credentials that do not grant ingestion; the message is safe to show to the caller. */
public class AuthenticationFailure extends RuntimeException {

  private final boolean forbidden;

  private AuthenticationFailure(String message, boolean forbidden) {
    super(message);
    this.forbidden = forbidden;
  }

  /** Missing, malformed, unknown, revoked or wrong credentials (HTTP 401). */
  public static AuthenticationFailure unauthorized(String message) {
    return new AuthenticationFailure(message, false);
  }

  /** Valid credentials whose scope does not allow ingestion (HTTP 403). */
  public static AuthenticationFailure forbidden(String message) {
    return new AuthenticationFailure(message, true);
  }

  /** Whether the key is valid but not allowed to ingest. */
  public boolean forbidden() {
    return forbidden;
  }
}
