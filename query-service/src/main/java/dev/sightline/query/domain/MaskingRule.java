package dev.sightline.query.domain;

/**
 * One extra masking rule of a project: ingest replaces text matching the regex.
 *
 * @param name shown in the replacement marker, e.g. {@code [MASKED:customer-id]}
 * @param pattern a {@link java.util.regex.Pattern} regex
 */
public record MaskingRule(String name, String pattern) {}
