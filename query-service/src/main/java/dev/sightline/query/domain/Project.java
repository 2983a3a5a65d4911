package dev.sightline.query.domain;

import java.time.Instant;

/**
 * A project: the tenant every key, trace and masking rule belongs to.
 *
 * @param id {@code proj_…}, generated
 * @param name shown to people, not unique
 * @param retentionDays how many days its ClickHouse data is kept (applied by the retention job)
 * @param createdAt when it was created
 */
public record Project(String id, String name, int retentionDays, Instant createdAt) {}
