package dev.sightline.query.domain.retention;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of one retention run.
 *
 * @param today the UTC day the cut-offs were computed from
 * @param projectsChecked how many projects were looked at
 * @param purged only the projects that had expired rows
 */
public record RetentionRun(LocalDate today, int projectsChecked, List<ProjectPurge> purged) {}
