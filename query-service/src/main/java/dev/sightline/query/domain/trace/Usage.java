package dev.sightline.query.domain.trace;

/** Token counts of one generation; null where the caller did not report them. */
public record Usage(Long input, Long output, Long cacheRead, Long cacheCreation, Long total) {}
