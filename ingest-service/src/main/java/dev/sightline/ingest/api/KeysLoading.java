package dev.sightline.ingest.api;

/** Keys are still loading, so an unknown key may be valid: the client should retry (503). */
public class KeysLoading extends RuntimeException {

  private final int retryAfterSeconds;

  /** Creates the condition with the wait to advise. */
  public KeysLoading(int retryAfterSeconds) {
    super("API keys are still loading; retry shortly");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds the client should wait. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
