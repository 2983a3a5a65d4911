package dev.sightline.ingest.domain.guard;

/** The per-project masking rules are not read yet; answered 503 so no unmasked text is written. */
public class MaskingRulesLoading extends RuntimeException {

  /** Creates the exception with a message for the client. */
  public MaskingRulesLoading() {
    super("masking rules are still loading; retry shortly");
  }
}
