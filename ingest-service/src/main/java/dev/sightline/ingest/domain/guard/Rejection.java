package dev.sightline.ingest.domain.guard;

/**
 * One refused event.
 *
 * @param eventId the event's id as sent (or as assigned, for OTLP spans)
 * @param pointer where the problem is: a JSON pointer or field path, e.g. {@code /batch/3/body/id}
 * @param message what is wrong, for the client
 */
public record Rejection(String eventId, String pointer, String message) {}
