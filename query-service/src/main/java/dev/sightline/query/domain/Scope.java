package dev.sightline.query.domain;

/** What an API key may do: everything, only send data, or only read it. */
public enum Scope {
  ALL,
  INGEST,
  READ;

  /** Whether a key of this scope may use the read API. */
  public boolean canRead() {
    return this != INGEST;
  }
}
