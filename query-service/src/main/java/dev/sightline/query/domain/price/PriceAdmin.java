package dev.sightline.query.domain.price;

import dev.sightline.query.domain.ChangeNotPublishedException;
import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.UnknownResourceException;
import java.util.List;

/**
 * Model price versions, as the admin API changes them; every change is on the prices topic before
 * the method returns, or it is rolled back with {@link ChangeNotPublishedException}.
 */
public interface PriceAdmin {

  /**
   * The global versions, plus those of {@code projectId} when it is not null, deleted ones
   * included; by effective time.
   *
   * @throws UnknownResourceException if the project does not exist
   */
  List<ModelPriceVersion> list(String projectId);

  /**
   * One version.
   *
   * @throws UnknownResourceException if there is none
   */
  ModelPriceVersion find(String priceId);

  /**
   * Stores a validated new version under a generated id and pushes it.
   *
   * @throws InvalidRequestException if its project does not exist
   */
  ModelPriceVersion create(ModelPriceVersion draft);

  /**
   * Marks the version deleted and pushes it; deleting twice pushes again.
   *
   * @throws UnknownResourceException if there is no such version
   */
  ModelPriceVersion delete(String priceId);

  /** Every version, deleted ones included, for the periodic re-publish. */
  List<ModelPriceVersion> findAll();

  /**
   * Inserts the bundled versions whose ids are not stored yet; a stored one (changed or deleted by
   * an admin) is left as it is. Pushes nothing: the start-up re-publish does.
   *
   * @return how many were inserted
   */
  int seedDefaults(List<ModelPriceVersion> defaults);
}
