package dev.sightline.query.domain.retention;

import java.time.LocalDate;
import java.util.List;

/**
 * What one retention run asked ClickHouse to delete for one project.
 *
 * @param deleteBefore rows of days before this one (UTC) are deleted: today minus retentionDays
 * @param tables the tables that held such rows and got a delete mutation (ClickHouse applies it
 *     asynchronously)
 */
public record ProjectPurge(
    String projectId, int retentionDays, LocalDate deleteBefore, List<String> tables) {}
