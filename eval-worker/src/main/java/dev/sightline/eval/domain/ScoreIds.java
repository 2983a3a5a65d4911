package dev.sightline.eval.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic score ids, so re-evaluating an observation overwrites instead of duplicating. */
public final class ScoreIds {

  private ScoreIds() {}

  /** A name-based UUID of project, observation and evaluator; equal inputs give equal ids. */
  public static String of(String projectId, String observationId, String evaluatorName) {
    // NUL cannot occur in the ids, so ("a/b", "c") and ("a", "b/c") never collide.
    String name = projectId + '\0' + observationId + '\0' + evaluatorName;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
