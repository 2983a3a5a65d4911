package dev.sightline.query.domain.trace;

/** One document a retrieval step returned. */
public record RetrievalDocument(String id, String content, Double score) {}
