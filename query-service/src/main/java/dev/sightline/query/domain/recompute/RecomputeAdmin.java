package dev.sightline.query.domain.recompute;

import dev.sightline.query.domain.ChangeNotPublishedException;
import dev.sightline.query.domain.UnknownResourceException;
import java.util.List;

/**
 * Cost recomputes of a project's stored observations: requested here, run by enrich-service,
 * recorded in ClickHouse.
 */
public interface RecomputeAdmin {

  /**
   * Records the request as pending and pushes it to enrich.
   *
   * @throws UnknownResourceException if the project does not exist
   * @throws ChangeNotPublishedException if Kafka did not acknowledge the request
   */
  Recompute request(String projectId, RecomputeRange range);

  /**
   * One recompute of the project.
   *
   * @throws UnknownResourceException if the project or the recompute does not exist
   */
  Recompute find(String projectId, String recomputeId);

  /**
   * The project's recomputes, newest first.
   *
   * @throws UnknownResourceException if the project does not exist
   */
  List<Recompute> list(String projectId);
}
