package dev.sightline.ingest.messaging;

/** Kafka did not acknowledge every record of a request in time; the client should retry. */
public class PublishFailure extends RuntimeException {

  private final boolean recordTooLarge;

  /** Creates the failure; {@code recordTooLarge} means retrying the same body cannot succeed. */
  public PublishFailure(String message, Throwable cause, boolean recordTooLarge) {
    super(message, cause);
    this.recordTooLarge = recordTooLarge;
  }

  /** Whether one event exceeds the broker's record size limit (retrying will not help). */
  public boolean recordTooLarge() {
    return recordTooLarge;
  }
}
