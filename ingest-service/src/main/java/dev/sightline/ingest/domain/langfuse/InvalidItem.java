package dev.sightline.ingest.domain.langfuse;

/** One batch item that cannot be mapped; answered as a per-event 400, the others go on. */
public class InvalidItem extends RuntimeException {

  private final String pointer;

  /** {@code pointer} is a JSON pointer into the request, e.g. {@code /batch/2/body/traceId}. */
  public InvalidItem(String pointer, String message) {
    super(message, null, false, false);
    this.pointer = pointer;
  }

  /** Where the problem is. */
  public String pointer() {
    return pointer;
  }
}
